// Measure (docs/measures.md#care-leavers): care leavers whose 17th or 18th, and 19th, 20th or 21st
// birthday fell in the year (their age on the last day of the year), from the SSDA903 OC3 return
// (CARE_LEAVER_OUTCOME, one per young person and year), and of them those in touch, in education,
// employment or training, and in suitable accommodation. Every care leaver of the age is in the
// denominator, including those not in touch (DfE's method).
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $from, $to, $systems (list of source systems, or null).
// Example: :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param systems => null
MATCH (e:Event {kind: 'CARE_LEAVER_OUTCOME'})
WHERE e.date >= $from AND e.date <= $to AND e.retiredAt IS NULL AND e.childId IS NOT NULL
  AND ($systems IS NULL OR e.sourceSystem IN $systems)
WITH e ORDER BY e.date DESC
WITH e.childId AS childId, collect(e)[0] AS outcome
MATCH (c:Child {id: childId})
WITH outcome, duration.inMonths(c.birthDate, $to).years AS age
WITH CASE WHEN age IN [17, 18] THEN '17_18' WHEN age IN [19, 20, 21] THEN '19_21' END AS ages,
     outcome.inTouch = 'YES' AS inTouch,
     outcome.activity IN ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5'] AS eet,
     coalesce(outcome.accommodation ENDS WITH '1', false) AS suitable
RETURN count(CASE WHEN ages = '17_18' THEN 1 END) AS aged17to18,
       count(CASE WHEN ages = '17_18' AND inTouch THEN 1 END) AS inTouch17to18,
       count(CASE WHEN ages = '17_18' AND eet THEN 1 END) AS eet17to18,
       count(CASE WHEN ages = '17_18' AND suitable THEN 1 END) AS suitable17to18,
       count(CASE WHEN ages = '19_21' THEN 1 END) AS aged19to21,
       count(CASE WHEN ages = '19_21' AND inTouch THEN 1 END) AS inTouch19to21,
       count(CASE WHEN ages = '19_21' AND eet THEN 1 END) AS eet19to21,
       count(CASE WHEN ages = '19_21' AND suitable THEN 1 END) AS suitable19to21
