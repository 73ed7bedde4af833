// Placement stability read model (docs/measures.md#placement-moves-and-durations): every period of
// care (not short breaks only) open at some time from $since to $to, with the child's birth date
// and UASC status, the period's category of need, and the placements DfE counts (not temporary
// T0-T4 placements or the return from one; a change of legal status alone is not a placement), in
// order. The service works out moves, time to first move and durations from these rows.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $since, $to, $systems (list of source systems, or null).
// Example: :param since => date('2023-04-01'); :param to => date('2026-03-31'); :param systems => null
MATCH (e:Involvement {kind: 'LAC_EPISODE'})
WHERE e.start <= $to AND (e.end IS NULL OR e.end >= $since) AND e.retiredAt IS NULL
  AND NOT coalesce(e.shortBreaksOnly, false) AND e.childId IS NOT NULL
  AND ($systems IS NULL OR e.sourceSystem IN $systems)
CALL (e) {
  MATCH (e)-[:IN_PLACEMENT]->(p:Placement)
  WHERE coalesce(p.countsAsPlacement, true) AND p.retiredAt IS NULL AND p.start <= $to
  WITH p ORDER BY p.start
  RETURN collect({start: p.start, end: p.end, type: p.placementType, provider: p.provider}) AS placements
}
// A period told by several sources (SSDA903, Annex A) once: the telling with the placements.
WITH e, placements ORDER BY size(placements) DESC
WITH e.childId AS childId, e.start AS start, collect({e: e, placements: placements})[0] AS period
MATCH (c:Child {id: childId})
CALL (c) {
  OPTIONAL MATCH (c)<-[:REFERS_TO]-(r:PersonRecord)
  RETURN any(x IN collect(r.uasc) WHERE x) AS uasc
}
RETURN childId, c.birthDate AS birthDate, uasc, start, period.e.end AS end,
       period.e.categoryOfNeed AS categoryOfNeed, period.placements AS placements
ORDER BY childId, start
