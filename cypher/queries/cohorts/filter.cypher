// Cohort filters (docs/measures.md#cohorts): of the candidate children (from an entry query, or a
// list), those meeting every filter given; a null parameter means "no such filter". All filters
// are AND-ed. Each candidate is a unique-index seek, then local expansion through its records.
// - $decisions: a contact received in the period with one of these decisions;
// - $needCodes: an involvement (an assessment's CIN factors) open in the period with one of these
//   codes in needCodes; $primaryNeeds: a CIN episode open in the period with one of these
//   primaryNeed codes;
// - $ageFrom, $ageTo: age in whole years on $ageOn from..to inclusive; $ageBands: the DfE band on
//   $ageOn (UNDER_1, 1_TO_4, 5_TO_9, 10_TO_15, 16_AND_OVER); children without a birth date (or not
//   yet born) never meet an age filter;
// - $areas: a household the child was a member of in the period lived in the period at an address
//   in one of these LSOAs, or in an LSOA in one of these wards;
// - $outcomeKinds, $outcomeMonths: an involvement starting, or an event dated, after the child's
//   entry date (the day after or later; entry is the candidate's own or $from) of one of these
//   kinds, within $outcomeMonths months of the entry when not null.
// "Open in the period": started on or before $to and not ended before $from.
// Contacts, involvements and events count only from the records of $systems (the source systems
// the reader's authority owns; a record's facts carry its system; null: all records,
// docs/measures.md#aggregates-of-several-authorities).
// Parameters: $candidates (list of {childId, entry}), $from, $to (dates; 1900-01-01 and 9999-12-31
// for an open end), the filters above (each null when not asked for), $systems (list or null).
// Example: :param candidates => [{childId: 'C00000001', entry: date('2025-05-01')}]; :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param decisions => null; :param needCodes => ['3A']; :param primaryNeeds => null; :param ageOn => date('2026-03-31'); :param ageFrom => 5; :param ageTo => 15; :param ageBands => null; :param areas => null; :param outcomeKinds => null; :param outcomeMonths => null; :param systems => null
UNWIND $candidates AS candidate
MATCH (c:Child {id: candidate.childId})
WITH c, coalesce(candidate.entry, $from) AS entry,
     CASE WHEN c.birthDate IS NOT NULL AND c.birthDate <= $ageOn
          THEN duration.inMonths(c.birthDate, $ageOn).years END AS age
WHERE ($ageFrom IS NULL OR age >= $ageFrom)
  AND ($ageTo IS NULL OR age <= $ageTo)
  AND ($ageBands IS NULL OR
       CASE WHEN age IS NULL THEN null
            WHEN age < 1 THEN 'UNDER_1' WHEN age < 5 THEN '1_TO_4' WHEN age < 10 THEN '5_TO_9'
            WHEN age < 16 THEN '10_TO_15' ELSE '16_AND_OVER' END IN $ageBands)
  AND ($decisions IS NULL OR EXISTS {
        MATCH (c)<-[:REFERS_TO]-(r:PersonRecord WHERE $systems IS NULL OR r.system IN $systems)-[:SUBJECT_OF]->(k:Contact)
        WHERE k.decision IN $decisions AND k.retiredAt IS NULL
          AND date(k.receivedAt) >= $from AND date(k.receivedAt) <= $to })
  AND ($needCodes IS NULL OR EXISTS {
        MATCH (c)<-[:REFERS_TO]-(r:PersonRecord WHERE $systems IS NULL OR r.system IN $systems)-[:HAD]->(i:Involvement)
        WHERE i.retiredAt IS NULL AND i.start <= $to AND (i.end IS NULL OR i.end >= $from)
          AND any(code IN coalesce(i.needCodes, []) WHERE code IN $needCodes) })
  AND ($primaryNeeds IS NULL OR EXISTS {
        MATCH (c)<-[:REFERS_TO]-(r:PersonRecord WHERE $systems IS NULL OR r.system IN $systems)-[:HAD]->(i:Involvement {kind: 'CIN_EPISODE'})
        WHERE i.retiredAt IS NULL AND i.start <= $to AND (i.end IS NULL OR i.end >= $from)
          AND i.primaryNeed IN $primaryNeeds })
  AND ($areas IS NULL OR EXISTS {
        MATCH (c)-[m:MEMBER_OF]->(:Household)-[l:LIVES_AT]->(:Address)-[:IN]->(lsoa:Area)
        WHERE (m.from IS NULL OR m.from <= $to) AND (m.to IS NULL OR m.to >= $from)
          AND (l.from IS NULL OR l.from <= $to) AND (l.to IS NULL OR l.to >= $from)
          AND (lsoa.code IN $areas OR EXISTS { (lsoa)-[:IN]->(ward:Area) WHERE ward.code IN $areas }) })
  AND ($outcomeKinds IS NULL OR EXISTS {
        MATCH (c)<-[:REFERS_TO]-(r:PersonRecord WHERE $systems IS NULL OR r.system IN $systems)-[:HAD]->(o:Involvement)
        WHERE o.kind IN $outcomeKinds AND o.retiredAt IS NULL AND o.start > entry
          AND ($outcomeMonths IS NULL OR o.start <= entry + duration({months: $outcomeMonths})) }
       OR EXISTS {
        MATCH (c)<-[:REFERS_TO]-(r:PersonRecord WHERE $systems IS NULL OR r.system IN $systems)-[:EXPERIENCED]->(o:Event)
        WHERE o.kind IN $outcomeKinds AND o.retiredAt IS NULL AND o.date > entry
          AND ($outcomeMonths IS NULL OR o.date <= entry + duration({months: $outcomeMonths})) })
RETURN c.id AS childId
ORDER BY childId
