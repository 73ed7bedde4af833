// Journey summaries (docs/measures.md#journey-summaries) of every child whose journey began on or
// before $to: one node per child read from the JourneySummary.firstStart index, no expansion. The
// lists are parallel, in journey order; an open end is 9999-12-31. Overlap and pathways read this.
// Only the steps recorded by $systems (the source systems the reader's authority owns; null: every
// step, docs/measures.md#aggregates-of-several-authorities), children with none left out.
// Parameters: $to (date), $systems (list of source systems, or null).
// Example: :param to => date('2026-03-31'); :param systems => null
MATCH (s:JourneySummary)
WHERE s.firstStart <= $to
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
