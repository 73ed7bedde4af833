// Linkage: the review queue, oldest first, each pair with both records side by side and the
// people they refer to now. Uses the (status, createdAt) index.
// Parameters: $status ('PENDING', 'ACCEPTED', 'REJECTED'), $afterCreatedAt, $afterId (cursor, or
// null), $limit. Example: :param status => 'PENDING'; :param afterCreatedAt => null;
// :param afterId => null; :param limit => 20
MATCH (q:LinkReview)
WHERE q.status = $status
  AND ($afterCreatedAt IS NULL OR q.createdAt > $afterCreatedAt
       OR (q.createdAt = $afterCreatedAt AND q.id > $afterId))
WITH q ORDER BY q.createdAt, q.id LIMIT $limit
OPTIONAL MATCH (r:PersonRecord {id: q.recordId})-[:REFERS_TO]->(rp)
OPTIONAL MATCH (c:PersonRecord {id: q.candidateRecordId})
RETURN q {.*} AS review, rp.id AS recordPersonId,
       r {.id, .system, .givenName, .familyName, .birthDate, .sex, .postcode,
          nhsNumber: [(r)-[:HAS_IDENTIFIER]->(i:Identifier {scheme: 'NHS'}) | i.value][0],
          upn: [(r)-[:HAS_IDENTIFIER]->(i:Identifier {scheme: 'UPN'}) | i.value][0]} AS record,
       c {.id, .system, .givenName, .familyName, .birthDate, .sex, .postcode,
          nhsNumber: [(c)-[:HAS_IDENTIFIER]->(i:Identifier {scheme: 'NHS'}) | i.value][0],
          upn: [(c)-[:HAS_IDENTIFIER]->(i:Identifier {scheme: 'UPN'}) | i.value][0]} AS candidateRecord
