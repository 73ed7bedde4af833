// Dates of events of the given kinds (e.g. PERMANENT_EXCLUSION) on or before $to, by child and
// kind, read from the Event(kind, date) index (no expansion); retired events left out. Pathways use
// them as outcomes (docs/measures.md#pathways).
// Parameters: $kinds (list of event kinds), $to (date).
// Example: :param kinds => ['PERMANENT_EXCLUSION']; :param to => date('2026-03-31')
MATCH (e:Event)
WHERE e.kind IN $kinds AND e.date <= $to AND e.retiredAt IS NULL AND e.childId IS NOT NULL
RETURN e.childId AS childId, e.kind AS kind, collect(e.date) AS dates
