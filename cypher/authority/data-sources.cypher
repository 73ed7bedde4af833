// Source systems, the services they record and the period their data covers. No parameters.
MATCH (s:DataSource)
RETURN s.system AS system, s.name AS name, coalesce(s.services, []) AS services,
       s.coveredFrom AS coveredFrom, s.coveredTo AS coveredTo, s.asAt AS asAt
ORDER BY s.system
