// Import: what a source covers and how fresh it is, after each of its jobs.
// Parameters: $system, $name, $services, $from, $to, $asAt, $job.
MERGE (s:DataSource {system: $system})
SET s.name = coalesce(s.name, $name),
    s.services = CASE WHEN s.services IS NULL THEN $services
                      ELSE s.services + [x IN $services WHERE NOT x IN s.services] END,
    s.coveredFrom = CASE WHEN s.coveredFrom IS NULL OR $from < s.coveredFrom THEN $from ELSE s.coveredFrom END,
    s.coveredTo = CASE WHEN s.coveredTo IS NULL OR $to > s.coveredTo THEN $to ELSE s.coveredTo END,
    s.asAt = CASE WHEN s.asAt IS NULL OR $asAt > s.asAt THEN $asAt ELSE s.asAt END,
    s.lastImport = datetime(), s.lastImportJob = $job
