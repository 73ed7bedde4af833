// Repeat contacts ("bouncing"): children with at least $atLeast contacts received in the window
// from $from to $to, most contacts first (docs/measures.md#repeat-contacts).
// Only contacts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $from, $to (dates, inclusive), $atLeast, $systems (list or null).
// Example: :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param atLeast => 3; :param systems => null
MATCH (k:Contact)
WHERE ((k.receivedAt >= datetime({date: $from}) AND k.receivedAt < datetime({date: $to + duration('P1D')}))
    OR (k.receivedAt >= localdatetime({date: $from}) AND k.receivedAt < localdatetime({date: $to + duration('P1D')})))
  AND k.retiredAt IS NULL AND k.childId IS NOT NULL AND ($systems IS NULL OR k.sourceSystem IN $systems)
WITH k ORDER BY k.receivedAt
WITH k.childId AS childId, count(*) AS contacts, min(date(k.receivedAt)) AS first,
     max(date(k.receivedAt)) AS last, collect(coalesce(k.decision, 'NOT_RECORDED')) AS decisions
WHERE contacts >= $atLeast
RETURN childId, contacts, first, last, decisions
ORDER BY contacts DESC, childId
