// Cohort entry (docs/measures.md#cohorts): the children with an involvement of one of $kinds (and,
// when $services is not null, of one of those services) in the period, each with their entry date:
// the earliest start of such an involvement. $started false: the involvement was open at some time
// in the period (started on or before $to, not ended before $from); true: it started in the period.
// Range seek on the Involvement(kind, start) index; grouped by the denormalised childId.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $kinds (list), $services (list or null), $from, $to (dates, inclusive; the service
// passes 1900-01-01 and 9999-12-31 for an open end), $started (boolean), $systems (list or null).
// Example: :param kinds => ['CP_PLAN']; :param services => null; :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param started => false; :param systems => null
MATCH (i:Involvement)
WHERE i.kind IN $kinds AND i.start <= $to
  AND (CASE WHEN $started THEN i.start >= $from ELSE i.end IS NULL OR i.end >= $from END)
  AND ($services IS NULL OR i.service IN $services)
  AND i.retiredAt IS NULL AND i.childId IS NOT NULL
  AND ($systems IS NULL OR i.sourceSystem IN $systems)
RETURN i.childId AS childId, min(i.start) AS entry
