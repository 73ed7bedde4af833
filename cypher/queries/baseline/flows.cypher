// Flows (docs/measures.md#flows): each child's state in each period, the state being the highest
// ranked service (or kind) among the involvements open at some time in the period (started on or
// before its last day, not ended before its first); $ranks gives each state's rank (0 highest) and
// leaves out what does not make a state. One row per child with a state in some period: its
// periods and best ranks; the service works out the flows. Retired involvements are left out.
// Starts from the (service, start) index and groups by childId: no child is expanded.
// Periods are numbered from 0: a date's period is (year * 12 + month - 1 - $offset) / $months - $base.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $services (list), $by ('SERVICE' or 'KIND'), $ranks (map state -> rank), $from, $to,
// $months (3 or 12), $offset (0 for quarters, 3 for years from April), $base, $systems (list or null).
// Example: :param services => ['SOCIAL_CARE', 'EARLY_HELP']; :param by => 'SERVICE'; :param ranks => {SOCIAL_CARE: 0, EARLY_HELP: 1}; :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param months => 3; :param offset => 0; :param base => 8101; :param systems => null
MATCH (i:Involvement)
WHERE i.service IN $services AND i.start <= $to
  AND (i.end IS NULL OR i.end >= $from)
  AND i.retiredAt IS NULL AND i.childId IS NOT NULL
  AND ($systems IS NULL OR i.sourceSystem IN $systems)
WITH i, $ranks[CASE WHEN $by = 'KIND' THEN i.kind ELSE i.service END] AS rank
WHERE rank IS NOT NULL
WITH i.childId AS child, rank, i.start AS start,
     CASE WHEN i.end IS NULL OR i.end > $to THEN $to ELSE i.end END AS last
WITH child, rank,
     CASE WHEN start < $from THEN 0 ELSE (start.year * 12 + start.month - 1 - $offset) / $months - $base END AS firstPeriod,
     (last.year * 12 + last.month - 1 - $offset) / $months - $base AS lastPeriod
UNWIND range(firstPeriod, lastPeriod) AS period
WITH child, period, min(rank) AS best
WITH child, collect([period, best]) AS states
RETURN states
