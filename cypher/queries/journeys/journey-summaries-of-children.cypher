// Journey summaries (docs/measures.md#journey-summaries) of the children named, each found by its
// unique childId (one index seek per child). A child without involvements has none.
// Parameters: $childIds (list of Child ids).
// Example: :param childIds => ['CJ-1', 'CJ-2']
UNWIND $childIds AS childId
MATCH (s:JourneySummary {childId: childId})
RETURN s.childId AS childId, s.kinds AS kinds, s.services AS services, s.starts AS starts, s.ends AS ends
