// Source systems, the services they record, the period their data covers and the local authority
// owning them (null when none is recorded: the deployment's own). No parameters.
MATCH (s:DataSource)
RETURN s.system AS system, s.name AS name, coalesce(s.services, []) AS services,
       s.coveredFrom AS coveredFrom, s.coveredTo AS coveredTo, s.asAt AS asAt,
       s.authority AS authority
ORDER BY s.system
