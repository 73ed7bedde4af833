// Linkage: one review and the person its record refers to now.
// Parameters: $id. Example: :param id => 'LR-...'
MATCH (q:LinkReview {id: $id})
OPTIONAL MATCH (:PersonRecord {id: q.recordId})-[:REFERS_TO]->(rp)
RETURN q {.*} AS review, rp.id AS recordPersonId
