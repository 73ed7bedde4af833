// Journey summaries (docs/measures.md#journey-summaries) of the children named, each found by its
// unique childId (one index seek per child). A child without involvements has none. Only the steps
// recorded by $systems (the source systems the reader's authority owns; null: every step,
// docs/measures.md#aggregates-of-several-authorities), children with none left out.
// Parameters: $childIds (list of Child ids), $systems (list of source systems, or null).
// Example: :param childIds => ['CJ-1', 'CJ-2']; :param systems => null
UNWIND $childIds AS childId
MATCH (s:JourneySummary {childId: childId})
WITH s.childId AS childId, s.kinds AS kinds, s.services AS services, s.starts AS starts,
     s.ends AS ends, CASE WHEN $systems IS NULL THEN null ELSE s.systems END AS systems
WITH childId, kinds, services, starts, ends,
     CASE WHEN $systems IS NOT NULL
          THEN [i IN range(0, size(kinds) - 1) WHERE systems[i] IN $systems] END AS kept
WHERE kept IS NULL OR size(kept) > 0
RETURN childId,
       CASE WHEN kept IS NULL THEN kinds ELSE [i IN kept | kinds[i]] END AS kinds,
       CASE WHEN kept IS NULL THEN services ELSE [i IN kept | services[i]] END AS services,
       CASE WHEN kept IS NULL THEN starts ELSE [i IN kept | starts[i]] END AS starts,
       CASE WHEN kept IS NULL THEN ends ELSE [i IN kept | ends[i]] END AS ends
