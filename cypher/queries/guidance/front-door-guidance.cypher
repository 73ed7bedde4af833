// Front-door guidance (docs/measures.md#front-door-guidance): every presentation at the front door
// received from $from to $to whose follow-up window of $months ends on or before $asAt, with what
// described the child then (date of birth for the age band, the referral source, the need codes of
// their assessments on or before the day, the targeted involvement kinds they had before the day)
// and what followed within the window. A presentation is a contact, or a referral (CIN episode)
// with no contact about the child on its day (a referral known only from the statutory returns).
// The service matches the profile, takes each child once (their earliest matching presentation)
// and counts. Population-scale, in two passes over indexes (no traversal from a child: expanding
// every presenting child's records costs twice the database hits): first the children who may have
// presented (a contact received or a referral starting in the period, reading only childId), then
// those children's contacts, targeted involvements and exclusions up to the end of the last window,
// read from their indexes and kept only for a presenting child (an IN over one list, hashed once),
// grouped by childId and ordered by day; links are expanded only where a presentation needs them.
// docs/benchmarks.md, "Analytics", has the figures (a third faster than one pass at 100k children).
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
    AND k.receivedAt < datetime({date: $to + duration({days: 2})})
    AND k.childId IS NOT NULL
  RETURN k.childId AS child
  UNION
  MATCH (k:Contact)
  WHERE k.receivedAt >= localdatetime({date: $from})
    AND k.receivedAt < localdatetime({date: $to + duration({days: 2})})
    AND k.childId IS NOT NULL
  RETURN k.childId AS child
  UNION
  MATCH (i:Involvement)
  WHERE i.kind = 'CIN_EPISODE' AND 'CIN_EPISODE' IN $kinds AND i.start >= $from AND i.start <= $to
    AND i.childId IS NOT NULL
  RETURN i.childId AS child
}
WITH collect(child) AS presenting
CALL (presenting) {
  MATCH (k:Contact)
  WHERE k.receivedAt >= datetime({date: $from})
    AND k.receivedAt < datetime({date: $to + duration({months: $months, days: 2})})
    AND k.childId IN presenting
    AND k.retiredAt IS NULL
    AND ($systems IS NULL OR k.sourceSystem IN $systems)
  RETURN k.childId AS child, 'CONTACT' AS kind, date(k.receivedAt) AS day, k AS node
  UNION ALL
  MATCH (k:Contact)
  WHERE k.receivedAt >= localdatetime({date: $from})
    AND k.receivedAt < localdatetime({date: $to + duration({months: $months, days: 2})})
    AND k.childId IN presenting
    AND k.retiredAt IS NULL
    AND ($systems IS NULL OR k.sourceSystem IN $systems)
  RETURN k.childId AS child, 'CONTACT' AS kind, date(k.receivedAt) AS day, k AS node
  UNION ALL
  MATCH (i:Involvement)
  WHERE i.kind IN $kinds AND i.start <= $to + duration({months: $months}) AND i.childId IN presenting
    // (only SSDA903 episodes carry shortBreaksOnly: children in short breaks alone are not in care)
    AND i.retiredAt IS NULL AND NOT coalesce(i.shortBreaksOnly, false)
    AND ($systems IS NULL OR i.sourceSystem IN $systems)
  RETURN i.childId AS child, i.kind AS kind, i.start AS day, i AS node
  UNION ALL
  MATCH (e:Event)
  WHERE e.kind = 'PERMANENT_EXCLUSION' AND e.date >= $from AND e.date <= $to + duration({months: $months})
    AND e.childId IN presenting
    AND e.retiredAt IS NULL
    AND ($systems IS NULL OR e.sourceSystem IN $systems)
  RETURN e.childId AS child, e.kind AS kind, e.date AS day, e AS node
}
WITH child, kind, day, node, node.id AS id ORDER BY day, id
WITH child, collect({kind: kind, day: day, id: id, node: node,
                     needCodes: CASE WHEN kind = 'ASSESSMENT' THEN node.needCodes END}) AS facts
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
     // (all involvements: contacts and exclusions are left out first). Read from the facts' maps;
     // a part-of link is looked up only when there is a response.
     [f IN within WHERE f.kind <> 'CONTACT' AND f.kind <> 'PERMANENT_EXCLUSION' AND NOT f.id IN own
        AND (size(own) = 0
             OR any(n IN [f.node] WHERE NONE(x IN [(n)-[:PART_OF]->(whole) | whole.id] WHERE x IN own)))]
       AS further
RETURN child, birthDate, p.day AS day, p.kind = 'CONTACT' AS contact, referralSource,
       needCodes, priorKinds,
       any(f IN further WHERE f.kind = 'CIN_EPISODE' AND f.day > p.day) AS reReferral,
       any(f IN within WHERE f.kind = 'CP_PLAN') AS childProtectionPlan,
       any(f IN within WHERE f.kind = 'LAC_EPISODE') AS care,
       any(f IN within WHERE f.kind = 'YOT_CUSTODY') AS custody,
       any(f IN within WHERE f.kind = 'NEET_OR_NOT_KNOWN') AS neet,
       any(f IN within WHERE f.kind = 'PERMANENT_EXCLUSION') AS permanentExclusion,
       NOT any(f IN within WHERE f.kind = 'PERMANENT_EXCLUSION' OR (f.kind = 'CONTACT' AND f.day > p.day))
         AND size(further) = 0 AS noFurtherInvolvement
ORDER BY child, day
