// Analytics benchmark (AnalyticsBenchmark, docs/benchmarks-postgres.md): the involvement records
// front-door guidance, placement stability and onward journeys read (not retired, with a child),
// for the PostgreSQL baseline (table involvement). The team as onward journeys reads it: the id
// the source gave, else the team the involvement is WITH.
// Parameters: none.
MATCH (i:Involvement)
WHERE i.retiredAt IS NULL AND i.childId IS NOT NULL AND i.start IS NOT NULL
RETURN i.id AS id, i.childId AS child_id, i.kind AS kind, i.start AS start_date,
       i.referralSource AS referral_source, i.needCodes AS need_codes,
       coalesce(i.shortBreaksOnly, false) AS short_breaks_only, i.end AS end_date,
       coalesce(i.teamId, [(i)-[:WITH]->(t:Team) | t.id][0]) AS team,
       i.closureReason AS closure_reason
