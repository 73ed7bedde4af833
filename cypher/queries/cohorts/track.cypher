// Cohort tracking (docs/measures.md#cohorts): for each period, how many of the cohort's members had
// an involvement of each tier open at some time in it (started on or before the period's last day,
// not ended before its first), and how many had an exclusion or missing event dated in it.
// Tiers: earlyHelp (EARLY_HELP_ASSESSMENT, EARLY_HELP_PLAN), childInNeed (CIN_EPISODE: a referral
// open, as DfE counts children in need, so including children on a plan or looked after),
// childProtectionPlan (CP_PLAN), lookedAfter (LAC_EPISODE, short-break-only periods left out),
// youthJustice (YOT_OUT_OF_COURT, YOT_COURT_ORDER, YOT_CUSTODY), neet (NEET_OR_NOT_KNOWN);
// events: exclusion (SUSPENSION, PERMANENT_EXCLUSION), missing (MISSING_EPISODE, MISSING).
// A member merged into another child since the cohort was saved is tracked as that child, and
// counted once. Retired facts are left out.
// Each member is a unique-index seek, then local expansion through its records: only the records of
// $systems (the source systems the reader's authority owns; a record's facts carry its system;
// null: all records, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $memberIds (list of Child.id), $from, $to (the first day of the first period and the
// last day of the last), $periods (list of {start, end}: dates, inclusive), $systems (list or null).
// Example: :param memberIds => ['C00000001', 'C00000002']; :param from => date('2025-04-01'); :param to => date('2025-06-30'); :param periods => [{start: date('2025-04-01'), end: date('2025-06-30')}]; :param systems => null
UNWIND $memberIds AS memberId
MATCH (m:Child {id: memberId})
OPTIONAL MATCH (kept:Child {id: m.mergedInto})
WITH DISTINCT coalesce(kept, m) AS c
WITH c,
     [(c)<-[:REFERS_TO]-(r:PersonRecord WHERE $systems IS NULL OR r.system IN $systems)-[:HAD]->(i:Involvement)
        WHERE i.kind IN ['EARLY_HELP_ASSESSMENT', 'EARLY_HELP_PLAN', 'CIN_EPISODE', 'CP_PLAN',
                         'LAC_EPISODE', 'YOT_OUT_OF_COURT', 'YOT_COURT_ORDER', 'YOT_CUSTODY',
                         'NEET_OR_NOT_KNOWN']
          AND i.retiredAt IS NULL AND NOT coalesce(i.shortBreaksOnly, false)
          AND i.start <= $to AND (i.end IS NULL OR i.end >= $from)
        | {kind: i.kind, start: i.start, end: i.end}] AS involvements,
     [(c)<-[:REFERS_TO]-(r:PersonRecord WHERE $systems IS NULL OR r.system IN $systems)-[:EXPERIENCED]->(e:Event)
        WHERE e.kind IN ['SUSPENSION', 'PERMANENT_EXCLUSION', 'MISSING_EPISODE', 'MISSING']
          AND e.retiredAt IS NULL AND e.date >= $from AND e.date <= $to
        | {kind: e.kind, date: e.date}] AS events
UNWIND $periods AS p
WITH p, [i IN involvements WHERE i.start <= p.end AND (i.end IS NULL OR i.end >= p.start) | i.kind] AS open,
     [e IN events WHERE e.date >= p.start AND e.date <= p.end | e.kind] AS happened
RETURN p.start AS start, p.end AS end, count(*) AS members,
       count(CASE WHEN any(k IN open WHERE k IN ['EARLY_HELP_ASSESSMENT', 'EARLY_HELP_PLAN']) THEN 1 END) AS earlyHelp,
       count(CASE WHEN 'CIN_EPISODE' IN open THEN 1 END) AS childInNeed,
       count(CASE WHEN 'CP_PLAN' IN open THEN 1 END) AS childProtectionPlan,
       count(CASE WHEN 'LAC_EPISODE' IN open THEN 1 END) AS lookedAfter,
       count(CASE WHEN any(k IN open WHERE k IN ['YOT_OUT_OF_COURT', 'YOT_COURT_ORDER', 'YOT_CUSTODY']) THEN 1 END) AS youthJustice,
       count(CASE WHEN 'NEET_OR_NOT_KNOWN' IN open THEN 1 END) AS neet,
       count(CASE WHEN any(k IN happened WHERE k IN ['SUSPENSION', 'PERMANENT_EXCLUSION']) THEN 1 END) AS exclusion,
       count(CASE WHEN any(k IN happened WHERE k IN ['MISSING_EPISODE', 'MISSING']) THEN 1 END) AS missing
ORDER BY start
