// A child's full journey: every fact their records hold, one row per fact in date order: front-door
// contacts (kind = the decision), involvements with every service (with the team), events (with
// whether they were traumatic) and placements within periods of care. Read through the child's own
// records (Child <-REFERS_TO- PersonRecord -> fact), so linkage decisions are respected; facts a
// later snapshot retired are left out.
// Columns: date, end (periods), fact (CONTACT, INVOLVEMENT, EVENT, PLACEMENT), kind (a contact's
// decision, a placement's type), service, team (a placement's provider), system (the record's
// source system), traumatic (events).
// Parameters: $childId (Child.id).
// Starts from: Child.id (unique constraint), one NodeUniqueIndexSeek, then two hops per record.
// Example (Browser or cypher-shell):
// :param childId => 'C00000001'
// test: childId from MATCH (c:Child) WHERE EXISTS { (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(:Involvement) } RETURN c.id ORDER BY c.id LIMIT 1
MATCH (c:Child {id: $childId})
CALL (c) {
  MATCH (c)<-[:REFERS_TO]-(r:PersonRecord)-[:SUBJECT_OF]->(k:Contact)
  WHERE k.retiredAt IS NULL
  RETURN coalesce(k.date, date(k.receivedAt)) AS date, null AS end, 'CONTACT' AS fact,
         coalesce(k.decision, 'NOT_RECORDED') AS kind, k.service AS service, k.team AS team,
         r.system AS system, null AS traumatic
  UNION ALL
  MATCH (c)<-[:REFERS_TO]-(r:PersonRecord)-[:HAD]->(i:Involvement)
  WHERE i.retiredAt IS NULL
  RETURN i.start AS date, i.end AS end, 'INVOLVEMENT' AS fact, i.kind AS kind, i.service AS service,
         [(i)-[:WITH]->(t:Team) | t.name][0] AS team, r.system AS system, null AS traumatic
  UNION ALL
  MATCH (c)<-[:REFERS_TO]-(r:PersonRecord)-[:EXPERIENCED]->(e:Event)
  WHERE e.retiredAt IS NULL
  RETURN e.date AS date, null AS end, 'EVENT' AS fact, e.kind AS kind, e.service AS service,
         null AS team, r.system AS system, e.traumatic AS traumatic
  UNION ALL
  MATCH (c)<-[:REFERS_TO]-(r:PersonRecord)-[:HAD]->(i:Involvement)-[:IN_PLACEMENT]->(p:Placement)
  WHERE i.retiredAt IS NULL AND p.retiredAt IS NULL
  RETURN p.start AS date, p.end AS end, 'PLACEMENT' AS fact, p.placementType AS kind,
         'SOCIAL_CARE' AS service, p.provider AS team, r.system AS system, null AS traumatic
}
RETURN c.pseudonym AS pseudonym, date, end, fact, kind, service, team, system, traumatic
ORDER BY date, fact, kind
