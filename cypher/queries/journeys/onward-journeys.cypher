// Onward journeys (docs/measures.md#onward-journeys): involvements of one kind that closed in the
// period, by team and closure reason, and what followed for the child within 3, 6, 12 and 24
// months of the closure: a referral, early help, a child protection plan, care, custody, NEET or
// not known, a suspension or exclusion, and anything at all (no further contact = none). A closure
// counts for a window only when the whole window ends on or before $asAt (the earliest date up to
// which every source's data is complete): incomplete follow-up is excluded, never read as
// "nothing happened".
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $kind, $from, $to (closure dates, inclusive), $asAt, $systems (list or null).
// Example: :param kind => 'EARLY_HELP_PLAN'; :param from => date('2023-04-01'); :param to => date('2024-03-31'); :param asAt => date('2026-03-31'); :param systems => null
MATCH (i:Involvement)
WHERE i.kind = $kind AND i.start <= $to AND i.end >= $from AND i.end <= $to
  AND i.retiredAt IS NULL AND i.childId IS NOT NULL AND ($systems IS NULL OR i.sourceSystem IN $systems)
WITH i, i.end AS closed, coalesce(i.teamId, [(i)-[:WITH]->(t:Team) | t.id][0], 'NOT_RECORDED') AS team,
     coalesce(i.closureReason, 'NOT_RECORDED') AS reason
CALL (i, closed) {
  MATCH (:Child {id: i.childId})<-[:REFERS_TO]-(r:PersonRecord)
  // A record's facts carry its system: only the reader's authority's records are followed up.
  WHERE $systems IS NULL OR r.system IN $systems
  CALL (r, i, closed) {
    OPTIONAL MATCH (r)-[:HAD]->(n:Involvement)
      WHERE n <> i AND n.start > closed AND n.retiredAt IS NULL AND NOT (n)-[:PART_OF]->(i)
    RETURN min(n.start) AS anyInvolvement,
           min(CASE WHEN n.kind = 'CIN_EPISODE' THEN n.start END) AS referral,
           min(CASE WHEN n.kind IN ['EARLY_HELP_ASSESSMENT', 'EARLY_HELP_PLAN'] THEN n.start END) AS earlyHelp,
           min(CASE WHEN n.kind = 'CP_PLAN' THEN n.start END) AS cpPlan,
           min(CASE WHEN n.kind = 'LAC_EPISODE' THEN n.start END) AS care,
           min(CASE WHEN n.kind = 'YOT_CUSTODY' THEN n.start END) AS custody,
           min(CASE WHEN n.kind = 'NEET_OR_NOT_KNOWN' THEN n.start END) AS neet
  }
  CALL (r, closed) {
    OPTIONAL MATCH (r)-[:EXPERIENCED]->(e:Event)
      WHERE e.date > closed AND e.retiredAt IS NULL
    RETURN min(e.date) AS anyEvent,
           min(CASE WHEN e.kind IN ['SUSPENSION', 'PERMANENT_EXCLUSION'] THEN e.date END) AS exclusion
  }
  CALL (r, closed) {
    OPTIONAL MATCH (r)-[:SUBJECT_OF]->(k:Contact)
      WHERE date(k.receivedAt) > closed AND k.retiredAt IS NULL
    RETURN min(date(k.receivedAt)) AS anyContact
  }
  RETURN min(referral) AS referral, min(earlyHelp) AS earlyHelp, min(cpPlan) AS cpPlan,
         min(care) AS care, min(custody) AS custody, min(neet) AS neet, min(exclusion) AS exclusion,
         reduce(m = null, d IN [min(anyInvolvement), min(anyEvent), min(anyContact)] |
                CASE WHEN d IS NOT NULL AND (m IS NULL OR d < m) THEN d ELSE m END) AS anything
}
UNWIND [3, 6, 12, 24] AS months
WITH team, reason, months, closed + duration({months: months}) AS windowEnd,
     referral, earlyHelp, cpPlan, care, custody, neet, exclusion, anything
WITH team, reason, months, windowEnd <= $asAt AS complete, windowEnd,
     referral, earlyHelp, cpPlan, care, custody, neet, exclusion, anything
RETURN team, reason, months,
       count(*) AS closures,
       count(CASE WHEN complete THEN 1 END) AS followedUp,
       count(CASE WHEN complete AND referral <= windowEnd THEN 1 END) AS referral,
       count(CASE WHEN complete AND earlyHelp <= windowEnd THEN 1 END) AS earlyHelp,
       count(CASE WHEN complete AND cpPlan <= windowEnd THEN 1 END) AS childProtectionPlan,
       count(CASE WHEN complete AND care <= windowEnd THEN 1 END) AS care,
       count(CASE WHEN complete AND custody <= windowEnd THEN 1 END) AS custody,
       count(CASE WHEN complete AND neet <= windowEnd THEN 1 END) AS neet,
       count(CASE WHEN complete AND exclusion <= windowEnd THEN 1 END) AS exclusion,
       count(CASE WHEN complete AND (anything IS NULL OR anything > windowEnd) THEN 1 END) AS noFurtherContact
ORDER BY team, reason, months
