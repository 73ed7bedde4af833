// Measure (docs/measures.md#re-referrals): referrals starting in the year, and those within 12
// months of a previous referral of the same child (DfE: Characteristics of children in need,
// re-referral rate). A referral is a CIN episode, counted once whichever statutory source told us
// of it (statutoryKey); retired facts are left out.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $from, $to (the year, e.g. 1 April 2025 to 31 March 2026), $systems (list of
// source systems, or null).
// Example: :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param systems => null
MATCH (r:Involvement {kind: 'CIN_EPISODE'})
WHERE r.start >= $from AND r.start <= $to AND r.retiredAt IS NULL AND r.childId IS NOT NULL
  AND ($systems IS NULL OR r.sourceSystem IN $systems)
WITH DISTINCT r.childId AS child, r.start AS start
CALL (child, start) {
  MATCH (:Child {id: child})<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(p:Involvement {kind: 'CIN_EPISODE'})
  WHERE p.retiredAt IS NULL AND p.start < start AND p.start >= start - duration('P12M')
    AND ($systems IS NULL OR p.sourceSystem IN $systems)
  RETURN count(p) > 0 AS reReferral
}
RETURN count(*) AS denominator, count(CASE WHEN reReferral THEN 1 END) AS numerator
