// Front-door decision feedback (docs/measures.md#front-door-decision-feedback): for contacts
// received in the period, by decision, team and month of receipt, what followed for the child
// within 3, 6 and 12 months: another contact, a referral (not the one the contact itself led to),
// a child protection plan, a period of care, and a step up: an involvement at a higher level than
// the decision (early help above no further action or advice; a referral above early help; a child
// protection plan or care above a referral). A contact counts for a window only when the whole
// window lies on or before $asAt (the date up to which social care data is complete).
// Parameters: $from, $to (dates of receipt, inclusive), $asAt (date).
// Example: :param from => date('2025-04-01'); :param to => date('2025-09-30'); :param asAt => date('2026-03-31')
MATCH (k:Contact)
// Sources record receipt as a date-time with or without an offset: both ranges use the index.
WHERE ((k.receivedAt >= datetime({date: $from}) AND k.receivedAt < datetime({date: $to + duration('P1D')}))
    OR (k.receivedAt >= localdatetime({date: $from}) AND k.receivedAt < localdatetime({date: $to + duration('P1D')})))
  AND k.retiredAt IS NULL AND k.childId IS NOT NULL
WITH k, date(k.receivedAt) AS day
CALL (k, day) {
  MATCH (:Child {id: k.childId})<-[:REFERS_TO]-(r:PersonRecord)
  // Later contacts and later involvements apart, so they never multiply each other's rows.
  CALL (r, k, day) {
    OPTIONAL MATCH (r)-[:SUBJECT_OF]->(n:Contact)
      WHERE n <> k AND n.retiredAt IS NULL AND date(n.receivedAt) >= day
        AND (date(n.receivedAt) > day OR toString(n.receivedAt) > toString(k.receivedAt))
    RETURN min(date(n.receivedAt)) AS contactOfRecord
  }
  CALL (r, k, day) {
    OPTIONAL MATCH (r)-[:HAD]->(i:Involvement)
      WHERE i.kind IN ['EARLY_HELP_ASSESSMENT', 'EARLY_HELP_PLAN', 'CIN_EPISODE', 'CP_PLAN', 'LAC_EPISODE']
        AND i.start >= day AND i.retiredAt IS NULL
        AND NOT (k)-[:LED_TO]->(i)
    RETURN min(CASE WHEN i.kind STARTS WITH 'EARLY_HELP' THEN i.start END) AS earlyHelpOfRecord,
           min(CASE WHEN i.kind = 'CIN_EPISODE' THEN i.start END) AS referralOfRecord,
           min(CASE WHEN i.kind = 'CP_PLAN' THEN i.start END) AS cpPlanOfRecord,
           min(CASE WHEN i.kind = 'LAC_EPISODE' THEN i.start END) AS careOfRecord
  }
  RETURN min(contactOfRecord) AS nextContact, min(earlyHelpOfRecord) AS earlyHelp, min(referralOfRecord) AS referral,
         min(cpPlanOfRecord) AS cpPlan, min(careOfRecord) AS care
}
WITH coalesce(k.decision, 'NOT_RECORDED') AS decision, coalesce(k.team, 'NOT_RECORDED') AS team,
     substring(toString(day), 0, 7) AS month, day, nextContact, referral, cpPlan, care,
     CASE coalesce(k.decision, '')
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
