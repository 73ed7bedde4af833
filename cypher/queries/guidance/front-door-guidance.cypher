// Front-door guidance (docs/measures.md#front-door-guidance): every presentation at the front door
// received from $from to $to whose follow-up window of $months ends on or before $asAt, with what
// described the child then (date of birth for the age band, the referral source, the need codes of
// their assessments on or before the day, the targeted involvement kinds they had before the day)
// and what followed within the window. A presentation is a contact, or a referral (CIN episode)
// with no contact about the child on its day (a referral known only from the statutory returns).
// The service matches the profile, takes each child once (their earliest matching presentation)
// and counts. Population-scale: contacts, involvements and exclusions are read from their indexes
// and grouped by the child they refer to (childId), reading no more than the child id, kind and
// day (from the index) of each; only the children who may have presented in the period are then
// described (their facts' other properties read, links expanded only where a presentation needs
// them) and looked up for their date of birth.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $from, $to (dates, inclusive), $months (window), $asAt (date the data is complete
// to), $kinds (targeted involvement kinds, FollowUpOutcomes.PRIOR_KINDS), $systems (list or null).
// Example: :param from => date('2023-04-01'); :param to => date('2024-03-31'); :param months => 12; :param asAt => date('2026-03-31'); :param kinds => ['CIN_EPISODE', 'ASSESSMENT', 'CP_PLAN', 'LAC_EPISODE', 'EARLY_HELP_ASSESSMENT', 'EARLY_HELP_PLAN', 'NEET_OR_NOT_KNOWN', 'YOT_CUSTODY']; :param systems => null
CALL () {
  // Sources record receipt as a date-time with or without an offset: one branch (and one bounded
  // index range) for each, as an OR of the two ranges is planned as a seek on one bound only.
  MATCH (k:Contact)
  WHERE k.receivedAt >= datetime({date: $from})
    AND k.receivedAt < datetime({date: $to + duration({months: $months, days: 2})})
    AND k.childId IS NOT NULL
  RETURN k.childId AS child, 'CONTACT' AS kind, date(k.receivedAt) AS day, k AS node
  UNION ALL
  MATCH (k:Contact)
  WHERE k.receivedAt >= localdatetime({date: $from})
    AND k.receivedAt < localdatetime({date: $to + duration({months: $months, days: 2})})
    AND k.childId IS NOT NULL
  RETURN k.childId AS child, 'CONTACT' AS kind, date(k.receivedAt) AS day, k AS node
  UNION ALL
  MATCH (i:Involvement)
  WHERE i.kind IN $kinds AND i.start <= $to + duration({months: $months}) AND i.childId IS NOT NULL
  RETURN i.childId AS child, i.kind AS kind, i.start AS day, i AS node
  UNION ALL
  MATCH (e:Event)
  WHERE e.kind = 'PERMANENT_EXCLUSION' AND e.date >= $from AND e.date <= $to + duration({months: $months})
    AND e.childId IS NOT NULL
  RETURN e.childId AS child, e.kind AS kind, e.date AS day, e AS node
}
WITH child, collect({kind: kind, day: day, node: node}) AS candidates
// Only a child with a contact or referral in the period can have presented (a superset: retired
// facts and short-breaks-only episodes are dropped next).
WHERE any(f IN candidates WHERE (f.kind = 'CONTACT' OR f.kind = 'CIN_EPISODE')
          AND f.day >= $from AND f.day <= $to AND f.day + duration({months: $months}) <= $asAt)
UNWIND candidates AS f
WITH child, f.kind AS kind, f.day AS day, f.node AS n
WHERE n.retiredAt IS NULL AND NOT coalesce(n.shortBreaksOnly, false)
  AND ($systems IS NULL OR n.sourceSystem IN $systems)
WITH child, kind, day, n, n.id AS id ORDER BY day, id
WITH child, collect({kind: kind, day: day, id: id, node: n,
                     needCodes: CASE WHEN kind = 'ASSESSMENT' THEN n.needCodes END}) AS facts
WITH child, facts,
     [f IN facts WHERE f.kind = 'CONTACT' AND f.day >= $from AND f.day <= $to
        AND f.day + duration({months: $months}) <= $asAt] AS contacts
WITH child, facts,
     contacts + [r IN facts WHERE r.kind = 'CIN_EPISODE' AND r.day >= $from AND r.day <= $to
        AND r.day + duration({months: $months}) <= $asAt
        AND NONE(k IN facts WHERE k.kind = 'CONTACT' AND k.day = r.day)] AS presentations
WHERE size(presentations) > 0
OPTIONAL MATCH (c:Child {id: child})
UNWIND presentations AS p
WITH child, c.birthDate AS birthDate, facts, p, p.node AS pn,
     p.day + duration({months: $months}) AS windowEnd
// The presentation's own response: what a contact led to, or the referral itself.
WITH child, birthDate, facts, p, windowEnd,
     CASE WHEN p.kind = 'CONTACT' THEN [(pn)-[:LED_TO]->(led) | led.id] ELSE [p.id] END AS own,
     CASE WHEN p.kind = 'CONTACT' THEN pn.source ELSE pn.referralSource END AS referralSource
WITH child, birthDate, p, own, referralSource, windowEnd,
     reduce(codes = [], a IN [f IN facts WHERE f.kind = 'ASSESSMENT' AND f.day <= p.day] |
       codes + [x IN coalesce(a.needCodes, []) WHERE NOT x IN codes]) AS needCodes,
     reduce(kinds = [], f IN [f IN facts WHERE f.kind <> 'CONTACT' AND f.kind <> 'PERMANENT_EXCLUSION' AND f.day < p.day] |
       CASE WHEN f.kind IN kinds THEN kinds ELSE kinds + f.kind END) AS priorKinds,
     [f IN facts WHERE f.day >= p.day AND f.day <= windowEnd AND f.id <> p.id] AS within
WITH child, birthDate, p, referralSource, needCodes, priorKinds, own, within,
     // Facts that were the presentation's own response, or part of it, are not "what followed"
     // (all involvements: contacts and exclusions are left out first).
     [n IN [f IN within WHERE f.kind <> 'CONTACT' AND f.kind <> 'PERMANENT_EXCLUSION'
              AND NOT f.id IN own | f.node]
        WHERE NONE(x IN [(n)-[:PART_OF]->(whole) | whole.id] WHERE x IN own)] AS further
RETURN child, birthDate, p.day AS day, p.kind = 'CONTACT' AS contact, referralSource,
       needCodes, priorKinds,
       any(n IN further WHERE n.kind = 'CIN_EPISODE' AND n.start > p.day) AS reReferral,
       any(f IN within WHERE f.kind = 'CP_PLAN') AS childProtectionPlan,
       any(f IN within WHERE f.kind = 'LAC_EPISODE') AS care,
       any(f IN within WHERE f.kind = 'YOT_CUSTODY') AS custody,
       any(f IN within WHERE f.kind = 'NEET_OR_NOT_KNOWN') AS neet,
       any(f IN within WHERE f.kind = 'PERMANENT_EXCLUSION') AS permanentExclusion,
       NOT any(f IN within WHERE f.kind = 'PERMANENT_EXCLUSION' OR (f.kind = 'CONTACT' AND f.day > p.day))
         AND size(further) = 0 AS noFurtherInvolvement
ORDER BY child, day
