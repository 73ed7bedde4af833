// Record linkage: candidate pairs waiting for a reviewer (found by status, oldest first) and the
// merges of people with everything needed to undo them (docs/linkage.md). Neither links to the
// people it names: the queue must not grow children's nodes, and a merge names records by id.
CREATE CONSTRAINT link_review_id IF NOT EXISTS FOR (n:LinkReview) REQUIRE n.id IS UNIQUE;
CREATE INDEX link_review_status IF NOT EXISTS FOR (n:LinkReview) ON (n.status, n.createdAt);
CREATE INDEX link_review_record IF NOT EXISTS FOR (n:LinkReview) ON (n.recordId);
CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (n:Merge) REQUIRE n.id IS UNIQUE;
CREATE INDEX merge_kept IF NOT EXISTS FOR (n:Merge) ON (n.keptId);
CREATE INDEX merge_absorbed IF NOT EXISTS FOR (n:Merge) ON (n.absorbedId);
