// Overlap of services (docs/measures.md#overlap), counted in the database: for every child whose
// journey began on or before $to and who had an involvement active from $from to $to (started on or
// before $to and not ended before $from; an open end is 9999-12-31 in the summary), the services of
// $services among their active involvements; one row per exact combination (an empty one: active,
// but in none of them) with its children. Reads the JourneySummary.firstStart index, no expansion;
// only the combinations leave the database. ServiceOverlapService uses it when no cohort and no
// relativeTo is given (those need each child's journey: journey-summaries.cypher).
// Only the involvements recorded by $systems count (the source systems the reader's authority
// owns; null: all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $from, $to (dates), $services (list of service codes), $systems (list or null).
// Example: :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param services => ['SOCIAL_CARE', 'EARLY_HELP', 'EDUCATION']; :param systems => null
MATCH (s:JourneySummary)
WHERE s.firstStart <= $to
// (systems is read only when asked for: a list read per child costs a quarter of the time.)
WITH s.services AS services, s.starts AS starts, s.ends AS ends,
     CASE WHEN $systems IS NULL THEN null ELSE s.systems END AS systems
WITH [i IN range(0, size(starts) - 1) WHERE starts[i] <= $to AND ends[i] >= $from
        AND ($systems IS NULL OR systems[i] IN $systems) | services[i]] AS active
WHERE size(active) > 0
RETURN [x IN $services WHERE x IN active] AS combination, count(*) AS children
