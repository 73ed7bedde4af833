// Costs of a set of children's involvements, placements and programmes in a period
// (docs/measures.md#costs), one row per costed item: reusable for a child's journey, a cohort or a
// pathway's children. Per-week costs run over the days of the item inside the period (an open item
// until $openUntil, the day after the date the data describes); per-episode costs count once, for
// items starting in the period. An item with no unit cost is returned with cost null (placements
// and programmes) or left out (involvement kinds with no cost: universal services). A referral,
// plan or period of care told by several statutory sources is costed once (statutoryKey).
// Each child is read through their own records (two hops), so the cost is local to the set.
// Parameters: $childIds, $from, $to (inclusive), $openUntil (exclusive end of open items),
// $involvementCosts, $placementCosts, $programmeCosts (maps of code to {perWeek, perEpisode}:
// UnitCosts.parameters()), $systems (the source systems whose items count: those the reader's
// authority owns; null: all, docs/measures.md#aggregates-of-several-authorities).
// Example: :param childIds => ['C00000001']; :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param openUntil => date('2026-04-01'); :param involvementCosts => {CP_PLAN: {perWeek: 165.0, perEpisode: 0.0}}; :param placementCosts => {U4: {perWeek: 820.0, perEpisode: 0.0}}; :param programmeCosts => {}; :param systems => null
UNWIND $childIds AS childId
CALL (childId) {
  MATCH (:Child {id: childId})<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(i:Involvement)
  WHERE i.retiredAt IS NULL AND i.start <= $to AND (i.end IS NULL OR i.end >= $from)
    AND ($systems IS NULL OR i.sourceSystem IN $systems)
  WITH coalesce(i.statutoryKey, i.id) AS key, i ORDER BY i.id
  WITH key, collect(i)[0] AS i
  RETURN i
}
CALL (i) {
  WITH i WHERE $involvementCosts[i.kind] IS NOT NULL
  RETURN 'INVOLVEMENT' AS category, i.kind AS code, i.service AS service, i.start AS start,
         i.end AS end, $involvementCosts[i.kind] AS unit
  UNION ALL
  WITH i WHERE i.programme IS NOT NULL
  WITH i, toUpper(replace(replace(trim(i.programme), ' ', '_'), '-', '_')) AS programme
  RETURN 'PROGRAMME' AS category, programme AS code, i.service AS service, i.start AS start,
         i.end AS end, $programmeCosts[programme] AS unit
  UNION ALL
  WITH i WHERE i.kind = 'LAC_EPISODE'
  MATCH (i)-[:IN_PLACEMENT]->(p:Placement) WHERE p.retiredAt IS NULL
  WITH i, p ORDER BY p.start
  WITH i, collect(p) AS ps
  UNWIND range(0, size(ps) - 1) AS n
  // A placement ends on its own end date, else when the next starts, else with the period of care.
  WITH ps[n] AS p, coalesce(ps[n].end, CASE WHEN n + 1 < size(ps) THEN ps[n + 1].start END, i.end) AS end, i
  WHERE p.start <= $to AND (end IS NULL OR end >= $from)
  RETURN 'PLACEMENT' AS category, p.placementType AS code, i.service AS service, p.start AS start,
         end, $placementCosts[p.placementType] AS unit
}
WITH childId, category, code, service, start, end, unit,
     CASE WHEN start > $from THEN start ELSE $from END AS s,
     CASE WHEN end IS NOT NULL AND end < $to + duration('P1D') AND end < $openUntil THEN end
          WHEN $to + duration('P1D') < $openUntil THEN $to + duration('P1D')
          ELSE $openUntil END AS e
WITH childId, category, code, service, start, end, unit,
     CASE WHEN e > s THEN duration.inDays(s, e).days ELSE 0 END AS days,
     CASE WHEN start >= $from AND start <= $to THEN 1 ELSE 0 END AS episodes
RETURN childId, category, code, service, start, end, days, episodes,
       unit.perWeek AS perWeek, unit.perEpisode AS perEpisode,
       CASE WHEN unit IS NULL THEN null
            ELSE unit.perWeek * days / 7.0 + unit.perEpisode * episodes END AS cost
ORDER BY childId, start, category, code
