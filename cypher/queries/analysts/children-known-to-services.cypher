// Children known to several services in a period: every child with an involvement with at least
// $minServices different services (Involvement.service) at some time in the period (an
// involvement counts when start <= $to AND (end IS NULL OR end >= $from)), with the services in
// alphabetical order and the number of involvements. Retired facts are left out.
// Parameters: $from, $to (dates, inclusive), $minServices (integer, e.g. 3).
// Starts from: the Involvement(service, start) range index, one seek per service (never from the
// Service nodes), then each involvement's one record and child (two hops).
// Example (Browser or cypher-shell):
// :param from => date('2025-04-01')
// :param to => date('2026-03-31')
// :param minServices => 3
UNWIND ['SOCIAL_CARE', 'EARLY_HELP', 'EDUCATION', 'SEND_NEET', 'YOUTH_JUSTICE', 'UNIVERSAL',
        'HOUSING', 'POLICE', 'HEALTH'] AS service
MATCH (i:Involvement)
WHERE i.service = service AND i.start <= $to AND (i.end IS NULL OR i.end >= $from)
  AND i.retiredAt IS NULL
MATCH (i)<-[:HAD]-(:PersonRecord)-[:REFERS_TO]->(c:Child)
WITH c, i ORDER BY i.service
WITH c, collect(DISTINCT i.service) AS services, count(DISTINCT i) AS involvements
WHERE size(services) >= $minServices
RETURN c.pseudonym AS pseudonym, c.id AS childId, size(services) AS serviceCount, services,
       involvements
ORDER BY serviceCount DESC, pseudonym, childId
