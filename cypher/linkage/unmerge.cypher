// Linkage: undoes a merge exactly: each record's link made by the merge is deleted and its old
// link restored with every property it had; the facts' childId cache and the absorbed child are as
// they were. Refused by the service when a record has moved since (a later merge).
// Parameters: $mergeId, $by, $reason.
MATCH (m:Merge {id: $mergeId})
MATCH (a:Child {id: m.absorbedId})
MATCH (r:PersonRecord)-[h:REFERRED_TO {mergeId: $mergeId}]->(a)
MATCH (r)-[n:REFERS_TO {mergeId: $mergeId}]->(:Child {id: m.keptId})
WITH m, a, r, h, n, properties(h) AS before
DELETE n
CREATE (r)-[l:REFERS_TO]->(a)
SET l = before
REMOVE l.mergeId
DELETE h
WITH m, a, collect(r) AS records
CALL (records, a) {
  UNWIND records AS r
  MATCH (r)-[:HAD|EXPERIENCED|SUBJECT_OF]->(f)
  SET f.childId = a.id
  WITH f WHERE f:Involvement
  MATCH (f)-[:IN_PLACEMENT]->(p:Placement)
  SET p.childId = a.id
}
REMOVE a.mergedInto
SET m.undoneBy = $by, m.undoneAt = datetime(), m.undoReason = $reason
RETURN m {.*} AS merge
