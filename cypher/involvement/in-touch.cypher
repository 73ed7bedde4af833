// Each child's involvements with every service, the team, its organisation and contact details,
// and the professionals allocated (with their role, team and contact details, the lead marked),
// plus practitioners' confirmations of contact details. "In touch as of D" is computed from the
// periods: start <= D AND (end IS NULL OR end > D). Each involvement carries owner: the authority
// its record's source system belongs to (null when none is recorded: the deployment's own).
// Parameters: $ids (child ids, e.g. ['C00000001']).
// Reads from the involvement to its one team (never from the team: teams are dense).
UNWIND $ids AS id
MATCH (c:Child {id: id})
CALL (c) {
  OPTIONAL MATCH (c)<-[:REFERS_TO]-(r:PersonRecord)
  OPTIONAL MATCH (d:DataSource {system: r.system})
  WITH r, d.authority AS owner
  OPTIONAL MATCH (r)-[:HAD]->(i:Involvement)
  WHERE i.retiredAt IS NULL
  CALL (i) {
    OPTIONAL MATCH (i)-[:WITH]->(t:Team)
    OPTIONAL MATCH (t)-[:PART_OF]->(o:Organisation)
    RETURN t {.id, .name, .email, .phone, organisation: o.name} AS team
  }
  CALL (i) {
    OPTIONAL MATCH (p:Professional)-[a:ALLOCATED]->(i)
    CALL (p) {
      OPTIONAL MATCH (p)-[m:MEMBER_OF]->(pt:Team)
      WITH m, pt ORDER BY m.to IS NULL DESC, m.from DESC
      OPTIONAL MATCH (pt)-[:PART_OF]->(po:Organisation)
      RETURN pt.name AS memberOf, po.name AS employer LIMIT 1
    }
    WITH p, a, memberOf, employer ORDER BY a.from
    RETURN collect(p {.id, .name, .email, .phone, role: coalesce(a.role, p.role), lead: a.lead,
                      from: a.from, to: a.to, team: memberOf, organisation: employer}) AS professionals
  }
  RETURN collect(i {.id, .kind, .service, .start, .end, .closureReason, .sourceSystem,
                    team: team, professionals: professionals, owner: owner}) AS involvements
}
CALL (c) {
  OPTIONAL MATCH (n:Annotation {childId: c.id})
  WHERE n.kind = 'CONTACT_CONFIRMED'
  WITH n ORDER BY n.at
  RETURN collect(n {.professionalId, .email, .phone, .by, .at}) AS confirmations
}
RETURN c.id AS childId, involvements, confirmations
