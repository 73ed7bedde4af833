// Import: before a job writes children's records, the source system is recorded as belonging to
// the job's local authority (docs/security.md, "Several authorities in one graph"). A system keeps
// its first owner; one with none recorded belongs to the deployment's own authority ($home), so a
// job naming another authority for it is refused by the service (owner <> $authority).
// Parameters: $system, $authority (the job's authority, ONS code, or '' when the deployment names
// none), $home (the deployment's own, or ''), $job.
MERGE (s:DataSource {system: $system})
  ON CREATE SET s.authority = CASE WHEN $authority = '' THEN null ELSE $authority END,
                s.claimedByJob = $job
WITH s, coalesce(s.authority, $home) AS owner
SET s.authority = CASE WHEN owner = '' THEN null ELSE owner END
RETURN owner
