// Professionals with the most open involvements: for each professional, the involvements that are
// open (end IS NULL) and allocated to them now (ALLOCATED with `to` null), with how many they
// lead, the kinds and services, and the teams they are currently a member of; most first.
// Parameters: $services (Service codes to include; all nine below), $limit (integer).
// Starts from: the Involvement(service, start) range index, one seek per service (never from the
// Service nodes), then each involvement's allocations (a few edges).
// Example (Browser or cypher-shell):
// :param services => ['SOCIAL_CARE', 'EARLY_HELP', 'EDUCATION', 'SEND_NEET', 'YOUTH_JUSTICE', 'UNIVERSAL', 'HOUSING', 'POLICE', 'HEALTH']
// :param limit => 25
UNWIND $services AS service
MATCH (i:Involvement)
WHERE i.service = service AND i.start IS NOT NULL AND i.end IS NULL AND i.retiredAt IS NULL
MATCH (p:Professional)-[a:ALLOCATED]->(i)
WHERE a.to IS NULL
WITH p, count(DISTINCT i) AS openInvolvements,
     count(DISTINCT CASE WHEN a.lead THEN i END) AS leading,
     collect(DISTINCT i.kind) AS kinds, collect(DISTINCT i.service) AS services,
     min(i.start) AS oldestStart
ORDER BY openInvolvements DESC, p.name
LIMIT $limit
RETURN p.name AS professional, p.role AS role,
       [(p)-[m:MEMBER_OF]->(t:Team) WHERE m.to IS NULL | t.name] AS teams,
       openInvolvements, leading, kinds, services, oldestStart
ORDER BY openInvolvements DESC, professional
