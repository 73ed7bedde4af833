// Linkage: merges one child into another. Every record of the absorbed child is re-pointed to the
// kept child; its old link is kept, with all its properties, as REFERRED_TO (so an unmerge restores
// it exactly), and the facts' childId cache follows. Nothing else moves: the absorbed child keeps
// its family, household and identifiers, and says whom it was merged into.
// Parameters: $mergeId, $keep, $absorb, $by, $role, $reason.
MATCH (k:Child {id: $keep}), (a:Child {id: $absorb})
MATCH (r:PersonRecord)-[l:REFERS_TO]->(a)
WITH k, a, r, l, properties(l) AS before
CREATE (r)-[h:REFERRED_TO]->(a)
SET h = before, h.mergeId = $mergeId
DELETE l
CREATE (r)-[n:REFERS_TO]->(k)
SET n.score = 1.0, n.method = 'MANUAL', n.status = 'CONFIRMED', n.decidedBy = $by,
    n.decidedAt = datetime(), n.mergeId = $mergeId
WITH k, a, collect(r) AS records
CALL (records, k) {
  UNWIND records AS r
  MATCH (r)-[:HAD|EXPERIENCED|SUBJECT_OF]->(f)
  SET f.childId = k.id
  WITH f WHERE f:Involvement
  MATCH (f)-[:IN_PLACEMENT]->(p:Placement)
  SET p.childId = k.id
}
SET a.mergedInto = k.id
CREATE (m:Merge {id: $mergeId, keptId: k.id, absorbedId: a.id,
                 recordIds: [r IN records | r.id], by: $by, role: $role, at: datetime(),
                 reason: $reason})
RETURN m {.*} AS merge
