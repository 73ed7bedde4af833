// Analytics benchmark (AnalyticsBenchmark, docs/benchmarks-postgres.md): events (not retired, with a
// child and a date), every kind: analytics read some kinds as outcomes, onward journeys any event
// as "further contact". For the PostgreSQL baseline (table event).
// Parameters: none.
MATCH (e:Event)
WHERE e.retiredAt IS NULL AND e.childId IS NOT NULL AND e.date IS NOT NULL
RETURN e.id AS id, e.childId AS child_id, e.kind AS kind, e.date AS event_date
