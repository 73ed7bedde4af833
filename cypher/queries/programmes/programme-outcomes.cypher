// Programme outcomes (docs/measures.md#programme-outcomes): the children who started $programme
// from $from to $to (index date: the start of their first programme involvement in the period) and
// the candidates for comparison (no involvement with the programme up to the end of follow-up, and
// an involvement of one of the programme's kinds, $carriers, starting in the period: index date
// its start), each with their age band inputs, need codes and prior involvement kinds at the index
// date and what followed within $months. Only children whose window ends on or before $asAt. The
// service matches. Population-scale: facts are read from their indexes and grouped by childId.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $programme (normalised name), $carriers, $kinds (targeted kinds and the carriers),
// $from, $to, $months, $asAt, $systems (list or null).
// Example: :param programme => 'FAMILY_SUPPORT_PROGRAMME'; :param carriers => ['EARLY_HELP_PLAN']; :param kinds => ['CIN_EPISODE', 'ASSESSMENT', 'CP_PLAN', 'LAC_EPISODE', 'EARLY_HELP_PLAN', 'NEET_OR_NOT_KNOWN', 'YOT_CUSTODY']; :param from => date('2023-04-01'); :param to => date('2024-03-31'); :param months => 12; :param asAt => date('2026-03-31'); :param systems => null
CALL () {
  MATCH (k:Contact)
  WHERE ((k.receivedAt >= datetime({date: $from}) AND k.receivedAt < datetime({date: $to + duration({months: $months, days: 2})}))
      OR (k.receivedAt >= localdatetime({date: $from}) AND k.receivedAt < localdatetime({date: $to + duration({months: $months, days: 2})})))
    AND k.retiredAt IS NULL AND k.childId IS NOT NULL AND ($systems IS NULL OR k.sourceSystem IN $systems)
  RETURN k.childId AS child, 'CONTACT' AS kind, date(k.receivedAt) AS day, k.id AS id, [] AS links,
         null AS needCodes, null AS programme
  UNION ALL
  MATCH (i:Involvement)
  WHERE i.kind IN $kinds AND i.start <= $to + duration({months: $months})
    AND i.retiredAt IS NULL AND i.childId IS NOT NULL AND NOT coalesce(i.shortBreaksOnly, false)
    AND ($systems IS NULL OR i.sourceSystem IN $systems)
  RETURN i.childId AS child, i.kind AS kind, i.start AS day, i.id AS id,
         [(i)-[:PART_OF]->(whole) | whole.id] AS links, i.needCodes AS needCodes,
         CASE WHEN i.programme IS NULL THEN null
              ELSE toUpper(replace(replace(trim(i.programme), ' ', '_'), '-', '_')) END AS programme
  UNION ALL
  MATCH (e:Event)
  WHERE e.kind = 'PERMANENT_EXCLUSION' AND e.date >= $from AND e.date <= $to + duration({months: $months})
    AND e.retiredAt IS NULL AND e.childId IS NOT NULL AND ($systems IS NULL OR e.sourceSystem IN $systems)
  RETURN e.childId AS child, e.kind AS kind, e.date AS day, e.id AS id, [] AS links,
         null AS needCodes, null AS programme
}
WITH child, kind, day, id, links, needCodes, programme ORDER BY day, id
WITH child, collect({kind: kind, day: day, id: id, links: links, needCodes: needCodes, programme: programme}) AS facts
WITH child, facts,
     [f IN facts WHERE f.programme = $programme AND f.day >= $from AND f.day <= $to] AS onProgramme,
     [f IN facts WHERE f.kind IN $carriers AND f.day >= $from AND f.day <= $to] AS carried
WITH child, facts,
     CASE WHEN size(onProgramme) > 0 THEN 'PROGRAMME'
          WHEN size(carried) > 0 AND NONE(f IN facts WHERE coalesce(f.programme, '') = $programme) THEN 'COMPARISON' END AS grp,
     coalesce(onProgramme[0], carried[0]) AS p
WHERE grp IS NOT NULL AND p.day + duration({months: $months}) <= $asAt
OPTIONAL MATCH (c:Child {id: child})
WITH child, grp, c.birthDate AS birthDate, facts, p, [p.id] + p.links AS own,
     p.day + duration({months: $months}) AS windowEnd
WITH child, grp, birthDate, p, own,
     reduce(codes = [], a IN [f IN facts WHERE f.kind = 'ASSESSMENT' AND f.day <= p.day] |
       codes + [x IN coalesce(a.needCodes, []) WHERE NOT x IN codes]) AS needCodes,
     reduce(kinds = [], f IN [f IN facts WHERE f.kind <> 'CONTACT' AND f.kind <> 'PERMANENT_EXCLUSION' AND f.day < p.day] |
       CASE WHEN f.kind IN kinds THEN kinds ELSE kinds + f.kind END) AS priorKinds,
     [f IN facts WHERE f.day >= p.day AND f.day <= windowEnd AND f.id <> p.id] AS within
WITH child, grp, birthDate, p, needCodes, priorKinds, within,
     [f IN within WHERE f.kind <> 'CONTACT' AND f.kind <> 'PERMANENT_EXCLUSION'
        AND NOT f.id IN own AND NONE(x IN f.links WHERE x IN own)] AS further
RETURN child, grp AS `group`, birthDate, p.day AS day, needCodes, priorKinds,
       any(f IN further WHERE f.kind = 'CIN_EPISODE' AND f.day > p.day) AS reReferral,
       any(f IN within WHERE f.kind = 'CP_PLAN') AS childProtectionPlan,
       any(f IN within WHERE f.kind = 'LAC_EPISODE') AS care,
       any(f IN within WHERE f.kind = 'YOT_CUSTODY') AS custody,
       any(f IN within WHERE f.kind = 'NEET_OR_NOT_KNOWN') AS neet,
       any(f IN within WHERE f.kind = 'PERMANENT_EXCLUSION') AS permanentExclusion,
       NOT any(f IN within WHERE f.kind = 'PERMANENT_EXCLUSION' OR (f.kind = 'CONTACT' AND f.day > p.day))
         AND size(further) = 0 AS noFurtherInvolvement
ORDER BY `group` DESC, day, child
