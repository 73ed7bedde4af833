// Analytics benchmark (AnalyticsBenchmark, docs/benchmarks-postgres.md): the steps of every journey
// summary, one row per involvement in journey order (seq from 1), for the PostgreSQL baseline (table
// journey_step). Open ends (9999-12-31 in the summary) as null.
// Parameters: none.
MATCH (s:JourneySummary)
UNWIND range(0, size(s.kinds) - 1) AS i
RETURN s.childId AS child_id, i + 1 AS seq, s.kinds[i] AS kind, s.services[i] AS service,
       s.starts[i] AS start_date,
       CASE WHEN s.ends[i] = date('9999-12-31') THEN null ELSE s.ends[i] END AS end_date
