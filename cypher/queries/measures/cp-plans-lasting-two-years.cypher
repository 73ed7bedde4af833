// Measure (docs/measures.md#child-protection-plans-lasting-2-years-or-more): child protection
// plans ending in the year, and those that had lasted 2 years or more when they ended.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $from, $to, $systems (list of source systems, or null).
// Example: :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param systems => null
MATCH (p:Involvement {kind: 'CP_PLAN'})
WHERE p.start <= $to AND p.end >= $from AND p.end <= $to AND p.retiredAt IS NULL AND p.childId IS NOT NULL
  AND ($systems IS NULL OR p.sourceSystem IN $systems)
WITH DISTINCT p.childId AS child, p.start AS start, p.end AS end
RETURN count(*) AS denominator,
       count(CASE WHEN end >= start + duration('P2Y') THEN 1 END) AS numerator
