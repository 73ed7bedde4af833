// Measure (docs/measures.md#repeat-child-protection-plans): child protection plans starting in the
// year, those that are the child's second or later plan ever (a previous plan in the graph, or the
// census's NumberOfPreviousCPP above 0), and those starting within 2 years of the end of a
// previous plan (as councils also report it).
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $from, $to, $systems (list of source systems, or null).
// Example: :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param systems => null
MATCH (p:Involvement {kind: 'CP_PLAN'})
WHERE p.start >= $from AND p.start <= $to AND p.retiredAt IS NULL AND p.childId IS NOT NULL
  AND ($systems IS NULL OR p.sourceSystem IN $systems)
WITH DISTINCT p.childId AS child, p.start AS start, coalesce(p.numberOfPreviousPlans, 0) AS declared
CALL (child, start) {
  OPTIONAL MATCH (:Child {id: child})<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(e:Involvement {kind: 'CP_PLAN'})
  WHERE e.retiredAt IS NULL AND e.start < start AND ($systems IS NULL OR e.sourceSystem IN $systems)
  RETURN count(e) AS earlier,
         count(CASE WHEN e.end IS NOT NULL AND e.end <= start AND e.end >= start - duration('P2Y') THEN 1 END) AS recent
}
RETURN count(*) AS denominator,
       count(CASE WHEN earlier > 0 OR declared > 0 THEN 1 END) AS secondOrLater,
       count(CASE WHEN recent > 0 THEN 1 END) AS withinTwoYears
