// Front-door decision feedback (docs/measures.md#front-door-decision-feedback): for contacts
// received in the period, by decision, team and month of receipt, what followed for the child
// within 3, 6 and 12 months: another contact, a referral (not the one the contact itself led to),
// a child protection plan, a period of care, and a step up: an involvement at a higher level than
// the decision (early help above no further action or advice; a referral above early help; a child
// protection plan or care above a referral). A contact counts for a window only when the whole
// window lies on or before $asAt (the date up to which social care data is complete).
// Population-scale: the contacts and involvements of the period and the year after are read from
// their indexes and grouped by the child they refer to (childId), so no child is expanded.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $from, $to (dates of receipt, inclusive), $asAt (date), $systems (list or null).
// Example: :param from => date('2025-04-01'); :param to => date('2025-09-30'); :param asAt => date('2026-03-31'); :param systems => null
CALL () {
  MATCH (k:Contact)
  // Sources record receipt as a date-time with or without an offset: both ranges use the index.
  WHERE ((k.receivedAt >= datetime({date: $from}) AND k.receivedAt < datetime({date: $to + duration('P12M2D')}))
      OR (k.receivedAt >= localdatetime({date: $from}) AND k.receivedAt < localdatetime({date: $to + duration('P12M2D')})))
    AND k.retiredAt IS NULL AND k.childId IS NOT NULL AND ($systems IS NULL OR k.sourceSystem IN $systems)
  RETURN k.childId AS child, 'CONTACT' AS kind, date(k.receivedAt) AS day, toString(k.receivedAt) AS at,
         k.id AS id, coalesce(k.decision, 'NOT_RECORDED') AS decision, coalesce(k.team, 'NOT_RECORDED') AS team,
         [(k)-[:LED_TO]->(led) | led.id] AS ledTo
  UNION ALL
  MATCH (i:Involvement)
  WHERE i.kind IN ['EARLY_HELP_ASSESSMENT', 'EARLY_HELP_PLAN', 'CIN_EPISODE', 'CP_PLAN', 'LAC_EPISODE']
    AND i.start >= $from AND i.start <= $to + duration('P12M1D')
    AND i.retiredAt IS NULL AND i.childId IS NOT NULL AND ($systems IS NULL OR i.sourceSystem IN $systems)
  RETURN i.childId AS child, i.kind AS kind, i.start AS day, null AS at, i.id AS id, null AS decision,
         null AS team, [] AS ledTo
}
WITH child, kind, day, at, id, decision, team, ledTo ORDER BY day, at
WITH child, collect({kind: kind, day: day, at: at, id: id, decision: decision, team: team, ledTo: ledTo}) AS facts
UNWIND [f IN facts WHERE f.kind = 'CONTACT' AND f.day <= $to] AS k
// facts are in date order, so the first that qualifies is the earliest.
WITH k,
     head([n IN facts WHERE n.kind = 'CONTACT' AND n.id <> k.id
           AND (n.day > k.day OR (n.day = k.day AND n.at > k.at)) | n.day]) AS nextContact,
     [i IN facts WHERE i.kind <> 'CONTACT' AND i.day >= k.day AND NOT i.id IN k.ledTo] AS after
WITH k, nextContact,
     head([i IN after WHERE i.kind STARTS WITH 'EARLY_HELP' | i.day]) AS earlyHelp,
     head([i IN after WHERE i.kind = 'CIN_EPISODE' | i.day]) AS referral,
     head([i IN after WHERE i.kind = 'CP_PLAN' | i.day]) AS cpPlan,
     head([i IN after WHERE i.kind = 'LAC_EPISODE' | i.day]) AS care
WITH k.decision AS decision, k.team AS team, substring(toString(k.day), 0, 7) AS month, k.day AS day,
     nextContact, referral, cpPlan, care,
     CASE k.decision
       WHEN 'EARLY_HELP' THEN [referral, cpPlan, care]
       WHEN 'REFERRAL' THEN [cpPlan, care]
       WHEN 'OPEN_CASE' THEN [cpPlan, care]
       ELSE [earlyHelp, referral, cpPlan, care] END AS higher
WITH decision, team, month, day, nextContact, referral, cpPlan, care,
     reduce(first = null, d IN higher | CASE WHEN first IS NULL OR d < first THEN d ELSE first END) AS steppedUp
UNWIND [3, 6, 12] AS months
WITH decision, team, month, months, day, nextContact, referral, cpPlan, care, steppedUp,
     day + duration({months: months}) AS windowEnd
RETURN decision, team, month, months,
       count(*) AS contacts,
       count(CASE WHEN windowEnd <= $asAt THEN 1 END) AS followedUp,
       count(CASE WHEN windowEnd <= $asAt AND nextContact <= windowEnd THEN 1 END) AS reContacted,
       count(CASE WHEN windowEnd <= $asAt AND referral <= windowEnd THEN 1 END) AS referred,
       count(CASE WHEN windowEnd <= $asAt AND cpPlan <= windowEnd THEN 1 END) AS childProtectionPlan,
       count(CASE WHEN windowEnd <= $asAt AND care <= windowEnd THEN 1 END) AS care,
       count(CASE WHEN windowEnd <= $asAt AND steppedUp <= windowEnd THEN 1 END) AS steppedUp
ORDER BY decision, team, month, months
