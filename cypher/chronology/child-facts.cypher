// Everything a chronology is made of, for each child: contacts (with their decision),
// involvements (with team and allocated professionals), events, and practitioners' annotations.
// Each fact carries owner: the authority its record's source system belongs to (DataSource
// authority; null when none is recorded, meaning the deployment's own), and each annotation the
// authority of the practitioner who wrote it (docs/security.md, "Several authorities in one graph").
// Parameters: $ids (child ids, e.g. ['C00000001']).
// Facts a later snapshot retired are left out (they stay in the graph for audit).
// An index seek on Child.id per child, then the child's own records and their facts.
UNWIND $ids AS id
MATCH (c:Child {id: id})
CALL (c) {
  OPTIONAL MATCH (c)<-[:REFERS_TO]-(r:PersonRecord)
  OPTIONAL MATCH (d:DataSource {system: r.system})
  WITH r, d.authority AS owner
  OPTIONAL MATCH (r)-[:SUBJECT_OF]->(k:Contact)
  WHERE k.retiredAt IS NULL
  RETURN collect(DISTINCT k {.id, .date, .receivedAt, .source, .decision, .decidedAt, .team,
                            .service, .sourceSystem, owner: owner}) AS contacts
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:REFERS_TO]-(r:PersonRecord)
  OPTIONAL MATCH (d:DataSource {system: r.system})
  WITH r, d.authority AS owner
  OPTIONAL MATCH (r)-[:HAD]->(i:Involvement)
  WHERE i.retiredAt IS NULL
  CALL (i) {
    OPTIONAL MATCH (i)-[:WITH]->(t:Team)
    RETURN t.name AS team
  }
  CALL (i) {
    OPTIONAL MATCH (p:Professional)-[a:ALLOCATED]->(i)
    WITH p, a ORDER BY a.from
    RETURN collect(p {.id, .name, role: a.role, lead: a.lead, from: a.from, to: a.to}) AS professionals
  }
  RETURN collect(i {.id, .kind, .service, .start, .end, .closureReason, .sourceSystem, .needCodes,
                    .initialCategory, .latestCategory, .referralSource, .primaryNeed,
                    team: team, professionals: professionals, owner: owner}) AS involvements
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:REFERS_TO]-(r:PersonRecord)
  OPTIONAL MATCH (d:DataSource {system: r.system})
  WITH r, d.authority AS owner
  OPTIONAL MATCH (r)-[:EXPERIENCED]->(e:Event)
  WHERE e.retiredAt IS NULL
  RETURN collect(e {.id, .kind, .service, .date, .traumatic, .strength, .needCodes,
                    .sourceSystem, .detail, owner: owner}) AS events
}
CALL (c) {
  OPTIONAL MATCH (n:Annotation {childId: c.id})
  WITH n ORDER BY n.at
  RETURN collect(n {.id, .kind, .itemId, .flag, .text, .date, .by, .role, .at, .authority}) AS annotations
}
RETURN c.id AS childId, contacts, involvements, events, annotations
