// The children with an involvement of one of $kinds (or, with no kinds, of one of $services) open
// at some time from $from to $to, for a cohort's costs. Read from the (kind, start) or (service,
// start) index and grouped by childId: no child is expanded.
// Only involvements recorded by $systems count (the source systems the reader's authority owns;
// null: all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $kinds, $services (lists; one may be empty), $from, $to, $systems (list or null).
// Example: :param kinds => ['EARLY_HELP_PLAN']; :param services => []; :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param systems => null
CALL () {
  MATCH (i:Involvement)
  WHERE size($kinds) > 0 AND i.kind IN $kinds AND i.start <= $to
    AND (i.end IS NULL OR i.end >= $from) AND i.retiredAt IS NULL AND i.childId IS NOT NULL
    AND ($systems IS NULL OR i.sourceSystem IN $systems)
    AND (size($services) = 0 OR i.service IN $services)
  RETURN i.childId AS childId
  UNION
  MATCH (i:Involvement)
  WHERE size($kinds) = 0 AND i.service IN $services AND i.start <= $to
    AND (i.end IS NULL OR i.end >= $from) AND i.retiredAt IS NULL AND i.childId IS NOT NULL
    AND ($systems IS NULL OR i.sourceSystem IN $systems)
  RETURN i.childId AS childId
}
RETURN childId ORDER BY childId
