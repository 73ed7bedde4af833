// Journey summaries (docs/measures.md#journey-summaries) of every child whose journey began on or
// before $to: one node per child read from the JourneySummary.firstStart index, no expansion. The
// lists are parallel, in journey order; an open end is 9999-12-31. Overlap and pathways read this.
// Parameters: $to (date).
// Example: :param to => date('2026-03-31')
MATCH (s:JourneySummary)
WHERE s.firstStart <= $to
RETURN s.childId AS childId, s.kinds AS kinds, s.services AS services, s.starts AS starts, s.ends AS ends
