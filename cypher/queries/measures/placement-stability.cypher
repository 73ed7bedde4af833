// Measure (docs/measures.md#placement-stability): children looked after on the last day of the
// year (not short breaks only), and those with 3 or more placements during the year. Placements
// are those DfE counts (countsAsPlacement: not temporary T0-T4 placements, not the return from
// one); a placement counts when any of it falls in the year.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $from, $to, $systems (list of source systems, or null).
// Example: :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param systems => null
MATCH (e:Involvement {kind: 'LAC_EPISODE'})
WHERE e.start <= $to AND (e.end IS NULL OR e.end > $to) AND e.retiredAt IS NULL
  AND NOT coalesce(e.shortBreaksOnly, false) AND e.childId IS NOT NULL
  AND ($systems IS NULL OR e.sourceSystem IN $systems)
WITH DISTINCT e.childId AS child
CALL (child) {
  MATCH (:Child {id: child})<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(lac:Involvement {kind: 'LAC_EPISODE'})-[:IN_PLACEMENT]->(pl:Placement)
  WHERE coalesce(pl.countsAsPlacement, true) AND pl.retiredAt IS NULL
    AND ($systems IS NULL OR lac.sourceSystem IN $systems)
    AND pl.start <= $to AND (pl.end IS NULL OR pl.end >= $from)
  RETURN count(DISTINCT coalesce(pl.placementType, '') + '|' + toString(pl.start)) AS placements
}
RETURN count(*) AS denominator, count(CASE WHEN placements >= 3 THEN 1 END) AS numerator
