// Trends (docs/measures.md#trends): per period, service and need code, how many children had an
// event of the service dated in the period (need code null: any event; else an event whose
// needCodes hold the code). Retired events are left out. Starts from the (service, date) index;
// reads no event's needCodes when no need code is asked for (the common question).
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: as trends-need-codes.cypher.
// Example: :param services => ['POLICE']; :param needCodes => []; :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param months => 3; :param offset => 0; :param base => 8101; :param systems => null
MATCH (e:Event)
WHERE e.service IN $services AND e.date >= $from AND e.date <= $to
  AND e.retiredAt IS NULL AND e.childId IS NOT NULL
  AND ($systems IS NULL OR e.sourceSystem IN $systems)
WITH e.childId AS child, e.service AS service,
     (e.date.year * 12 + e.date.month - 1 - $offset) / $months - $base AS period,
     CASE WHEN size($needCodes) = 0 THEN [] ELSE coalesce(e.needCodes, []) END AS codes
UNWIND [null] + [c IN codes WHERE c IN $needCodes] AS needCode
RETURN service, needCode, period, count(DISTINCT child) AS children
