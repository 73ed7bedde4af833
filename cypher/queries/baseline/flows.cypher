// Flows (docs/measures.md#flows): each child's state in each period, the state being the highest
// ranked service (or kind) among the involvements open at some time in the period (started on or
// before its last day, not ended before its first); $ranks gives each state's rank (0 highest) and
// leaves out what does not make a state. Each child with some such involvement has their open ones
// as a list of codes, rank * 10000 + first period * 100 + last period (periods are fewer than 100);
// children with the same list are counted together, so far fewer rows cross to the service, which
// works out each period's best rank and the flows (OpenStepCodes reads the codes).
// Reads one journey summary per child (docs/measures.md#journey-summaries: retired involvements are
// already left out): reading the involvements themselves and unwinding each into its periods took
// 53 s at 1M children (docs/query-plans.md).
// Periods are numbered from 0: a date's period is (year * 12 + month - 1 - $offset) / $months - $base.
// Only steps recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $services (list), $by ('SERVICE' or 'KIND'), $ranks (map state -> rank), $from, $to,
// $months (3 or 12), $offset (0 for quarters, 3 for years from April), $base, $systems (list or null).
// Example: :param services => ['SOCIAL_CARE', 'EARLY_HELP']; :param by => 'SERVICE'; :param ranks => {SOCIAL_CARE: 0, EARLY_HELP: 1}; :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param months => 3; :param offset => 0; :param base => 8101; :param systems => null
MATCH (s:JourneySummary)
WHERE s.firstStart <= $to
WITH s.services AS services, s.starts AS starts, s.ends AS ends,
     CASE WHEN $by = 'KIND' THEN s.kinds ELSE s.services END AS states,
     CASE WHEN $systems IS NULL THEN null ELSE s.systems END AS systems
WITH [i IN range(0, size(starts) - 1)
        WHERE starts[i] <= $to AND ends[i] >= $from AND services[i] IN $services
          AND $ranks[states[i]] IS NOT NULL
          AND ($systems IS NULL OR systems[i] IN $systems)
        | [$ranks[states[i]], starts[i], CASE WHEN ends[i] > $to THEN $to ELSE ends[i] END]] AS open
WHERE size(open) > 0
RETURN [x IN open |
         x[0] * 10000
         + CASE WHEN x[1] < $from THEN 0
                ELSE (x[1].year * 12 + x[1].month - 1 - $offset) / $months - $base END * 100
         + (x[2].year * 12 + x[2].month - 1 - $offset) / $months - $base] AS steps,
       count(*) AS children
