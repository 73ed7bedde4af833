// Measure (docs/measures.md#child-protection-plans-lasting-2-years-or-more): child protection
// plans ending in the year, and those that had lasted 2 years or more when they ended.
// Parameters: $from, $to. Example: :param from => date('2025-04-01'); :param to => date('2026-03-31')
MATCH (p:Involvement {kind: 'CP_PLAN'})
WHERE p.start <= $to AND p.end >= $from AND p.end <= $to AND p.retiredAt IS NULL AND p.childId IS NOT NULL
WITH DISTINCT p.childId AS child, p.start AS start, p.end AS end
RETURN count(*) AS denominator,
       count(CASE WHEN end >= start + duration('P2Y') THEN 1 END) AS numerator
