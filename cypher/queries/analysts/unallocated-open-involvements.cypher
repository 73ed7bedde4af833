// Operations: open involvements with no professional allocated now (no ALLOCATED edge with `to`
// null), by service, kind and team, with the oldest start: work waiting for a worker (a team may
// hold it on purpose, e.g. a school's pastoral team). Counts are not suppressed: this is for
// managers and analysts working under the data-sharing agreement (docs/security.md).
// Parameters: $kinds (Involvement kinds to include; every kind in the example, narrow it to
// e.g. the statutory social care kinds).
// Starts from: the Involvement(kind, start) range index, one seek per kind, then each involvement's
// allocations and its one team (never from the team).
// Example (Browser or cypher-shell):
// :param kinds => ['CIN_EPISODE', 'ASSESSMENT', 'S47_ENQUIRY', 'CIN_PLAN', 'CP_PLAN', 'LAC_EPISODE', 'EARLY_HELP_ASSESSMENT', 'EARLY_HELP_PLAN', 'EHC_PLAN', 'NEET_OR_NOT_KNOWN', 'SCHOOL_ENROLMENT', 'YOT_OUT_OF_COURT', 'YOT_COURT_ORDER', 'YOT_CUSTODY', 'HOMELESSNESS_CASE', 'HEALTH_VISITING', 'SCHOOL_NURSING', 'CHILDRENS_CENTRE_REGISTRATION', 'GP_REGISTRATION', 'CAMHS_TREATMENT']
UNWIND $kinds AS wanted
MATCH (i:Involvement)
WHERE i.kind = wanted AND i.start IS NOT NULL AND i.end IS NULL AND i.retiredAt IS NULL
  AND NOT EXISTS { (:Professional)-[a:ALLOCATED]->(i) WHERE a.to IS NULL }
WITH i, [(i)-[:WITH]->(t:Team) | t.name][0] AS teamName
RETURN i.service AS service, i.kind AS kind, coalesce(teamName, 'NO_TEAM') AS team,
       count(i) AS unallocated, min(i.start) AS oldestStart
ORDER BY unallocated DESC, service, kind, team
