// Analytics benchmark (AnalyticsBenchmark, docs/benchmarks-postgres.md): which involvement each is
// part of, for the PostgreSQL baseline (table involvement_part_of).
// Parameters: none.
MATCH (i:Involvement)-[:PART_OF]->(whole:Involvement)
RETURN i.id AS involvement_id, whole.id AS whole_id
