// Analytics benchmark (AnalyticsBenchmark, docs/benchmarks-postgres.md): the involvement records
// front-door guidance and placement stability read (not retired, with a child), for the
// PostgreSQL baseline (table involvement).
// Parameters: none.
MATCH (i:Involvement)
WHERE i.retiredAt IS NULL AND i.childId IS NOT NULL AND i.start IS NOT NULL
RETURN i.id AS id, i.childId AS child_id, i.kind AS kind, i.start AS start_date,
       i.referralSource AS referral_source, i.needCodes AS need_codes,
       coalesce(i.shortBreaksOnly, false) AS short_breaks_only, i.end AS end_date
