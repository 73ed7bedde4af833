// Children by id, with what the access rules need: whether the record is restricted (sealed,
// adopted, a refuge address), whether the reader's team works or worked with the child, the
// latest consent decision per service and scope, which authorities own the child's records (the
// owner recorded on each record's DataSource, else $home) and whether only authorities other than
// the reader's do (docs/security.md, "Several authorities in one graph").
// Parameters: $ids (child ids, e.g. ['C00000001']), $team (the reader's team id or null),
// $authority (the reader's authority, e.g. 'E06000001'), $home (the deployment's own, or '').
// An index seek on Child.id per id, then the child's own neighbourhood.
UNWIND $ids AS id
MATCH (c:Child {id: id})
CALL (c) {
  OPTIONAL MATCH (k:Consent {personId: c.id})
  WITH k ORDER BY k.at DESC
  WITH k.service AS service, k.scope AS scope, collect(k.given)[0] AS given
  WHERE service IS NOT NULL
  RETURN collect({service: service, scope: scope, given: given}) AS consents
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:REFERS_TO]-(r:PersonRecord)
  OPTIONAL MATCH (d:DataSource {system: r.system})
  WITH count(r) AS records,
       collect(DISTINCT CASE WHEN r IS NOT NULL THEN coalesce(d.authority, $home) END) AS owners
  RETURN owners, records > 0 AND NOT $authority IN owners AS otherAuthoritiesOnly
}
RETURN c {.id, .givenName, .familyName, .birthDate, .sex, .ethnicity} AS child,
       coalesce(c.restricted, false) OR coalesce(c.adopted, false)
         OR EXISTS { (c)<-[:REFERS_TO]-(r:PersonRecord) WHERE r.restricted OR r.adopted } AS restricted,
       $team IS NOT NULL
         AND EXISTS { (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(:Involvement)-[:WITH]->(:Team {id: $team}) } AS teamInvolved,
       consents, otherAuthoritiesOnly, owners
