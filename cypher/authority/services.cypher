// The nine service domains with their teams, and involvement and children counts per service.
// Counts read the Involvement(service, start) index, never the Service node's relationships.
// No parameters.
MATCH (s:Service)
CALL (s) {
  OPTIONAL MATCH (s)<-[:DELIVERS]-(t:Team)
  RETURN count(t) AS teams
}
CALL (s) {
  MATCH (i:Involvement) WHERE i.service = s.code
  RETURN count(i) AS involvements, count(CASE WHEN i.end IS NULL THEN 1 END) AS openInvolvements,
         count(DISTINCT i.childId) AS children
}
RETURN s.code AS code, s.name AS name, teams, involvements, openInvolvements, children
ORDER BY s.tier DESC, s.code
