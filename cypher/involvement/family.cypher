// Each child's family network: parents and carers (with parental responsibility), siblings, and
// the other members of the child's households, each with the period that applies, whether their
// record is restricted, and their own involvements (periods, service, team). owner is the
// authority the recording source system belongs to (of a relationship, from its sourceSystem; of
// an involvement, from its record's system), null when none is recorded (the deployment's own).
// Parameters: $ids (child ids). Which of them apply on a date is decided by the service.
UNWIND $ids AS id
MATCH (c:Child {id: id})
CALL (c) {
  MATCH (c)<-[p:PARENT_OF|CARER_OF]-(a:Adult)
  RETURN collect(a {.id, .givenName, .familyName, .birthDate,
    relationship: coalesce(p.relationship, type(p)), parentalResponsibility: p.parentalResponsibility,
    from: p.from, to: p.to, owner: COLLECT { MATCH (d:DataSource {system: p.sourceSystem}) RETURN d.authority }[0],
    restricted: EXISTS { (a)<-[:REFERS_TO]-(r:PersonRecord) WHERE r.restricted },
    involvements: [(a)<-[:REFERS_TO]-(r:PersonRecord)-[:HAD]->(i:Involvement) WHERE i.retiredAt IS NULL |
                   i {.kind, .service, .start, .end, team: [(i)-[:WITH]->(t:Team) | t.name][0],
                      owner: COLLECT { MATCH (d:DataSource {system: r.system}) RETURN d.authority }[0]}]}) AS adults
}
CALL (c) {
  MATCH (c)-[s:SIBLING_OF]-(o:Child)
  RETURN collect(o {.id, .givenName, .familyName, .birthDate, relationship: 'SIBLING', kind: s.kind,
    owner: COLLECT { MATCH (d:DataSource {system: s.sourceSystem}) RETURN d.authority }[0],
    restricted: coalesce(o.restricted, false) OR coalesce(o.adopted, false)
      OR EXISTS { (o)<-[:REFERS_TO]-(r:PersonRecord) WHERE r.restricted OR r.adopted },
    involvements: [(o)<-[:REFERS_TO]-(r:PersonRecord)-[:HAD]->(i:Involvement) WHERE i.retiredAt IS NULL |
                   i {.kind, .service, .start, .end, team: [(i)-[:WITH]->(t:Team) | t.name][0],
                      owner: COLLECT { MATCH (d:DataSource {system: r.system}) RETURN d.authority }[0]}]}) AS siblings
}
CALL (c) {
  MATCH (c)-[m:MEMBER_OF]->(h:Household)<-[o:MEMBER_OF]-(other)
  WHERE other <> c
  RETURN collect(other {.id, .givenName, .familyName, .birthDate, household: h.id,
    isChild: other:Child, from: o.from, to: o.to, childFrom: m.from, childTo: m.to,
    restricted: coalesce(other.restricted, false) OR coalesce(other.adopted, false)
      OR EXISTS { (other)<-[:REFERS_TO]-(r:PersonRecord) WHERE r.restricted OR r.adopted },
    involvements: [(other)<-[:REFERS_TO]-(r:PersonRecord)-[:HAD]->(i:Involvement) WHERE i.retiredAt IS NULL |
                   i {.kind, .service, .start, .end, team: [(i)-[:WITH]->(t:Team) | t.name][0],
                      owner: COLLECT { MATCH (d:DataSource {system: r.system}) RETURN d.authority }[0]}]}) AS household
}
RETURN c.id AS childId, adults, siblings, household
