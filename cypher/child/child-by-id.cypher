// Child by id: the child, each source record with its identifiers and link, the family, every
// involvement with its team and allocated professionals (newest first), and the latest events.
// Parameters: $id (child id, e.g. 'C00000001'), $events (how many events, e.g. 50).
// Facts a later snapshot retired are left out (they stay in the graph for audit).
// Reads one child's neighbourhood only: an index seek on Child.id, then local expansion.
MATCH (c:Child {id: $id})
CALL (c) {
  MATCH (c)<-[link:REFERS_TO]-(r:PersonRecord)
  OPTIONAL MATCH (r)-[:HAS_IDENTIFIER]->(i:Identifier)
  WITH r, link, collect(i {.scheme, .value}) AS identifiers
  ORDER BY r.system
  RETURN collect(r {.id, .system, .localId, identifiers: identifiers, linkMethod: link.method,
                    linkStatus: link.status, linkScore: link.score}) AS records
}
CALL (c) {
  OPTIONAL MATCH (c)<-[p:PARENT_OF|CARER_OF]-(a:Adult)
  WITH collect(a {.id, .givenName, .familyName, .birthDate, relationship: p.relationship,
                  parentalResponsibility: p.parentalResponsibility}) AS adults
  OPTIONAL MATCH (c)-[:SIBLING_OF]-(s:Child)
  WITH adults, collect(s {.id, .givenName, .familyName, .birthDate, relationship: 'SIBLING'}) AS siblings
  RETURN adults + siblings AS family
}
CALL (c) {
  MATCH (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(i:Involvement)
  WHERE i.retiredAt IS NULL
  OPTIONAL MATCH (i)-[:WITH]->(t:Team)-[:PART_OF]->(o:Organisation)
  OPTIONAL MATCH (p:Professional)-[a:ALLOCATED]->(i)
  WITH i, t, o, a, p ORDER BY a.from
  WITH i, t, o, collect(p {.name, .email, .phone, role: a.role, lead: a.lead, from: a.from, to: a.to}) AS professionals
  ORDER BY i.start DESC, i.id
  RETURN collect(i {.id, .kind, .service, .start, .end, .closureReason, .sourceSystem,
                    team: t {.id, .name, .email, .phone, organisation: o.name},
                    professionals: professionals}) AS involvements
}
CALL (c) {
  MATCH (c)<-[:REFERS_TO]-(:PersonRecord)-[:EXPERIENCED]->(e:Event)
  WHERE e.retiredAt IS NULL
  WITH e ORDER BY e.date DESC, e.id LIMIT $events
  RETURN collect(e {.id, .kind, .service, .date, .traumatic, .strength,
                    needCodes: coalesce(e.needCodes, []), .sourceSystem}) AS events
}
RETURN c {.id, .givenName, .familyName, .birthDate, .sex, .ethnicity} AS child,
       records, family, involvements, events
