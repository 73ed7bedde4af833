// Analytics benchmark (AnalyticsBenchmark, docs/benchmarks-postgres.md): events (not retired, with a
// child) of the kinds analytics use as outcomes, for the PostgreSQL baseline (table event).
// Parameters: $kinds (list of event kinds).
MATCH (e:Event)
WHERE e.kind IN $kinds AND e.retiredAt IS NULL AND e.childId IS NOT NULL AND e.date IS NOT NULL
RETURN e.id AS id, e.childId AS child_id, e.kind AS kind, e.date AS event_date
