// Trends (docs/measures.md#trends), the need-code rows: per period, service and need code, how
// many children had an involvement of the service carrying the code open at some time in the
// period (started on or before its last day, not ended before its first) and how many had one
// starting in it. An involvement carries a code when it is in its needCodes (CIN factors on
// assessments) or is its primaryNeed (referrals). Retired involvements are left out. Starts from
// the (service, start) index and groups by childId: no child is expanded. Involvements carrying
// none of $needCodes are dropped before anything is unwound, but every involvement of the services
// that started by $to is still read (journey summaries hold no need codes): the service rows come
// from trends-summaries.cypher, and this runs only when need codes are asked for.
// Periods are numbered from 0: a date's period is (year * 12 + month - 1 - $offset) / $months - $base.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $services (list), $needCodes (list, not empty), $from, $to (dates, inclusive),
// $months (1 or 3), $offset (0), $base (the period number of $from), $systems (list or null).
// Example: :param services => ['SOCIAL_CARE']; :param needCodes => ['3A']; :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param months => 3; :param offset => 0; :param base => 8101; :param systems => null
MATCH (i:Involvement)
WHERE i.service IN $services AND i.start <= $to
  AND (i.end IS NULL OR i.end >= $from)
  AND i.retiredAt IS NULL AND i.childId IS NOT NULL
  AND ($systems IS NULL OR i.sourceSystem IN $systems)
WITH i, [c IN coalesce(i.needCodes, []) + CASE WHEN i.primaryNeed IS NULL THEN [] ELSE [i.primaryNeed] END
         WHERE c IN $needCodes] AS codes
WHERE size(codes) > 0
WITH i.childId AS child, i.service AS service, i.start AS start, codes,
     CASE WHEN i.end IS NULL OR i.end > $to THEN $to ELSE i.end END AS last
WITH child, service, codes,
     CASE WHEN start >= $from THEN (start.year * 12 + start.month - 1 - $offset) / $months - $base END AS startedIn,
     CASE WHEN start < $from THEN 0 ELSE (start.year * 12 + start.month - 1 - $offset) / $months - $base END AS firstPeriod,
     (last.year * 12 + last.month - 1 - $offset) / $months - $base AS lastPeriod
UNWIND codes AS needCode
UNWIND range(firstPeriod, lastPeriod) AS period
RETURN service, needCode, period,
       count(DISTINCT child) AS open,
       count(DISTINCT CASE WHEN startedIn = period THEN child END) AS started
