// Cohort entry (docs/measures.md#cohorts) when no involvement is asked for but a contact decision
// is: the children who were the subject of a contact received in the period with one of
// $decisions, each with their entry date: the day the earliest such contact was received.
// Range seek on the Contact.receivedAt index (received as DateTime or LocalDateTime, depending on
// the source); grouped by the denormalised childId.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $decisions (list), $from, $to (dates, inclusive; the service passes 1900-01-01 and
// 9999-12-31 for an open end), $systems (list or null).
// Example: :param decisions => ['NO_FURTHER_ACTION']; :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param systems => null
MATCH (k:Contact)
WHERE ((k.receivedAt >= datetime({date: $from}) AND k.receivedAt < datetime({date: $to + duration('P1D')}))
    OR (k.receivedAt >= localdatetime({date: $from}) AND k.receivedAt < localdatetime({date: $to + duration('P1D')})))
  AND k.decision IN $decisions AND k.retiredAt IS NULL AND k.childId IS NOT NULL
  AND ($systems IS NULL OR k.sourceSystem IN $systems)
RETURN k.childId AS childId, min(date(k.receivedAt)) AS entry
