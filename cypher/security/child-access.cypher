// What the access rules need to know about one child before a change to their record: whether
// the record is restricted, whether the reader's team works or worked with the child, the
// latest consent decision per service and scope, which authorities own the child's records (the
// owner recorded on each record's DataSource, else $home) and whether only authorities other than
// the reader's do. No row when there is no such child.
// Parameters: $id (child id), $team (the reader's team id or null), $authority (the reader's
// authority, e.g. 'E06000001'), $home (the deployment's own authority, '' when none is named).
MATCH (c:Child {id: $id})
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
RETURN c.id AS id,
       coalesce(c.restricted, false) OR coalesce(c.adopted, false)
         OR EXISTS { (c)<-[:REFERS_TO]-(r:PersonRecord) WHERE r.restricted OR r.adopted } AS restricted,
       $team IS NOT NULL
         AND EXISTS { (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(:Involvement)-[:WITH]->(:Team {id: $team}) } AS teamInvolved,
       consents, otherAuthoritiesOnly, owners
