// Analytics benchmark (AnalyticsBenchmark, docs/benchmarks-postgres.md): contacts (not retired, with
// a child) with the day received, for the PostgreSQL baseline (table contact).
// Parameters: none.
MATCH (k:Contact)
WHERE k.retiredAt IS NULL AND k.childId IS NOT NULL AND k.receivedAt IS NOT NULL
RETURN k.id AS id, k.childId AS child_id, date(k.receivedAt) AS received_on, k.source AS source
