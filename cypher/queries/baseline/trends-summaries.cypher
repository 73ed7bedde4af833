// Trends (docs/measures.md#trends), the service rows: each child's involvements of $services open
// at some time from $from to $to (started on or before $to, not ended before $from), as a list of
// codes, one per involvement: ((service's index in $services) * 2 + 1 if it started in its first
// period) * 10000 + first period * 100 + last period (periods are fewer than 100; OpenStepCodes reads them). Children with
// the same list are counted together, so far fewer rows cross to the service, which counts per
// service and period the children open and the children starting. Reads one
// journey summary per child (docs/measures.md#journey-summaries: retired involvements are already
// left out): reading the involvements and unwinding each into its months took 68 s at 1M children
// (docs/query-plans.md). The need-code rows come from trends-need-codes.cypher.
// Periods are numbered from 0: a date's period is (year * 12 + month - 1 - $offset) / $months - $base.
// Only steps recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $services (list), $serviceIndex (map service -> its index in $services), $from, $to
// (dates, inclusive), $months (1 or 3), $offset (0),
// $base (the period number of $from), $systems (list or null).
// Example: :param services => ['SOCIAL_CARE']; :param serviceIndex => {SOCIAL_CARE: 0}; :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param months => 3; :param offset => 0; :param base => 8101; :param systems => null
MATCH (s:JourneySummary)
WHERE s.firstStart <= $to
WITH s.services AS services, s.starts AS starts, s.ends AS ends,
     CASE WHEN $systems IS NULL THEN null ELSE s.systems END AS systems
WITH [i IN range(0, size(starts) - 1)
        WHERE starts[i] <= $to AND ends[i] >= $from AND services[i] IN $services
          AND ($systems IS NULL OR systems[i] IN $systems)
        | [$serviceIndex[services[i]], starts[i], CASE WHEN ends[i] > $to THEN $to ELSE ends[i] END]] AS open
WHERE size(open) > 0
RETURN [x IN open |
         (x[0] * 2 + CASE WHEN x[1] >= $from THEN 1 ELSE 0 END) * 10000
         + CASE WHEN x[1] < $from THEN 0
                ELSE (x[1].year * 12 + x[1].month - 1 - $offset) / $months - $base END * 100
         + (x[2].year * 12 + x[2].month - 1 - $offset) / $months - $base] AS steps,
       count(*) AS children
