// Measure (docs/measures.md#long-term-placement-stability): children under 16 on the last day of
// the year who had been looked after continuously for at least 2.5 years, and of them those living
// in the same placement for at least 2 years, or placed for adoption with the adoption placement
// and the placement before it together lasting 2 years (DfE's adoption exception).
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $from, $to, $systems (list of source systems, or null).
// Example: :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param systems => null
MATCH (e:Involvement {kind: 'LAC_EPISODE'})
WHERE e.start <= $to - duration('P2Y6M') AND (e.end IS NULL OR e.end > $to) AND e.retiredAt IS NULL
  AND NOT coalesce(e.shortBreaksOnly, false) AND e.childId IS NOT NULL
  AND ($systems IS NULL OR e.sourceSystem IN $systems)
MATCH (c:Child {id: e.childId})
WHERE c.birthDate > $to - duration('P16Y')
WITH DISTINCT c, e
CALL (e) {
  MATCH (e)-[:IN_PLACEMENT]->(p:Placement)
  WHERE coalesce(p.countsAsPlacement, true) AND p.retiredAt IS NULL AND p.start <= $to
  WITH p ORDER BY p.start DESC
  WITH collect(p) AS latest
  RETURN latest[0] AS current, latest[1] AS previous
}
WITH c, CASE WHEN current.placementType IN ['A3', 'A4', 'A5', 'A6'] AND previous IS NOT NULL
             THEN previous.start ELSE current.start END AS since
RETURN count(DISTINCT c) AS denominator,
       count(DISTINCT CASE WHEN since <= $to - duration('P2Y') THEN c END) AS numerator
