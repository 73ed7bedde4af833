// Per-child journey summaries (docs/measures.md#journey-summaries): one node per child with the
// ordered involvements of their journey as parallel lists, kept up to date by every import and by
// linkage, so population analytics (overlap, pathways) read one node per child instead of
// expanding records. No relationships: found by childId.
CREATE CONSTRAINT journey_summary_child_id IF NOT EXISTS FOR (n:JourneySummary) REQUIRE n.childId IS UNIQUE;
CREATE INDEX journey_summary_first_start IF NOT EXISTS FOR (n:JourneySummary) ON (n.firstStart);
