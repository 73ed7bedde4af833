// Dates of events of the given kinds (e.g. PERMANENT_EXCLUSION) on or before $to, by child and
// kind, read from the Event(kind, date) index (no expansion); retired events left out. Pathways use
// them as outcomes (docs/measures.md#pathways). Only events recorded by $systems (the source
// systems the reader's authority owns; null: all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $kinds (list of event kinds), $to (date), $systems (list or null).
// Example: :param kinds => ['PERMANENT_EXCLUSION']; :param to => date('2026-03-31'); :param systems => null
MATCH (e:Event)
WHERE e.kind IN $kinds AND e.date <= $to AND e.retiredAt IS NULL AND e.childId IS NOT NULL
  AND ($systems IS NULL OR e.sourceSystem IN $systems)
RETURN e.childId AS childId, e.kind AS kind, collect(e.date) AS dates
