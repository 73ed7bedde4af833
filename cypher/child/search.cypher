// Find children by name (full-text, typo- and nickname-tolerant), date of birth, postcode or any
// identifier, ranked: an identifier counts most, then date of birth, postcode and how well the
// name matched (the full-text score, scaled to 0-1 over the candidates).
// Parameters: $nameQuery (full-text query built by the service from letters only, or null),
// $birthDate (date or null), $postcode ('AB1 2CD' or null), $identifiers (list of the forms of
// one identifier, or null), $limit (candidates to return), $team (reader's team id or null),
// $authority (the reader's authority) and $home (the deployment's own, or ''): each candidate
// carries the authorities owning its records, and one only other authorities know is left out
// before the limit.
// Example: :param nameQuery => '(olivia~2) (smith~1)'; :param birthDate => null; ...
// Index use: person_names full-text, Identifier.value, Child.birthDate, Address.postcode.
CALL () {
  WITH $identifiers AS forms WHERE forms IS NOT NULL
  MATCH (i:Identifier) WHERE i.value IN forms
  MATCH (i)<-[:HAS_IDENTIFIER]-(:PersonRecord)-[:REFERS_TO]->(c:Child)
  RETURN c, 0.0 AS nameScore
  UNION
  WITH $nameQuery AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('person_names', q, {limit: 300}) YIELD node, score
  OPTIONAL MATCH (node)-[:REFERS_TO]->(linked:Child)
  WITH coalesce(linked, CASE WHEN node:Child THEN node END) AS c, score
  WHERE c IS NOT NULL
  RETURN c, score AS nameScore
  UNION
  WITH $birthDate AS d WHERE d IS NOT NULL AND $nameQuery IS NULL AND $identifiers IS NULL
  MATCH (c:Child {birthDate: d})
  RETURN c, 0.0 AS nameScore
}
WITH c, max(nameScore) AS nameScore
WITH collect({c: c, nameScore: nameScore}) AS rows, max(nameScore) AS top
UNWIND rows AS row
WITH row.c AS c, CASE WHEN top > 0 THEN row.nameScore / top ELSE 0.0 END AS nameScore
WITH c, nameScore,
     $identifiers IS NOT NULL
       AND EXISTS { (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAS_IDENTIFIER]->(i:Identifier) WHERE i.value IN $identifiers } AS identifierMatch,
     $birthDate IS NOT NULL
       AND (c.birthDate = $birthDate OR EXISTS { (c)<-[:REFERS_TO]-(r:PersonRecord) WHERE r.birthDate = $birthDate }) AS birthDateMatch,
     $postcode IS NOT NULL
       AND (EXISTS { (c)-[:MEMBER_OF]->(:Household)-[:LIVES_AT]->(:Address {postcode: $postcode}) }
            OR EXISTS { (c)<-[:REFERS_TO]-(r:PersonRecord) WHERE r.postcode = $postcode }) AS postcodeMatch
WITH c, nameScore, identifierMatch, birthDateMatch, postcodeMatch,
     CASE WHEN identifierMatch THEN 10.0 ELSE 0.0 END + CASE WHEN birthDateMatch THEN 3.0 ELSE 0.0 END
       + CASE WHEN postcodeMatch THEN 2.0 ELSE 0.0 END + 2.0 * nameScore AS rank
WHERE identifierMatch OR nameScore > 0 OR (birthDateMatch AND postcodeMatch)
// A child only other authorities know is no candidate at all for this reader.
CALL (c) {
  OPTIONAL MATCH (c)<-[:REFERS_TO]-(r:PersonRecord)
  OPTIONAL MATCH (d:DataSource {system: r.system})
  WITH count(r) AS records,
       collect(DISTINCT CASE WHEN r IS NOT NULL THEN coalesce(d.authority, $home) END) AS owners
  RETURN owners, records > 0 AND NOT $authority IN owners AS otherAuthoritiesOnly
}
WITH c, nameScore, identifierMatch, birthDateMatch, postcodeMatch, rank, owners, otherAuthoritiesOnly
WHERE NOT otherAuthoritiesOnly
ORDER BY rank DESC, c.id
LIMIT $limit
CALL (c) {
  OPTIONAL MATCH (k:Consent {personId: c.id})
  WITH k ORDER BY k.at DESC
  WITH k.service AS service, k.scope AS scope, collect(k.given)[0] AS given
  WHERE service IS NOT NULL
  RETURN collect({service: service, scope: scope, given: given}) AS consents
}
RETURN c {.id, .givenName, .familyName, .birthDate, .sex, .ethnicity} AS child,
       rank, nameScore, identifierMatch, birthDateMatch, postcodeMatch,
       coalesce(c.restricted, false) OR coalesce(c.adopted, false)
         OR EXISTS { (c)<-[:REFERS_TO]-(r:PersonRecord) WHERE r.restricted OR r.adopted } AS restricted,
       $team IS NOT NULL
         AND EXISTS { (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(:Involvement)-[:WITH]->(:Team {id: $team}) } AS teamInvolved,
       consents, otherAuthoritiesOnly, owners
