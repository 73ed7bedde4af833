// Hotspots (docs/measures.md#hotspots): the children with an involvement of $service open at some
// time from $from to $to (started on or before $to, not ended before $from), aged $ageFrom to
// $ageTo (whole years) on $to, counted by the LSOA they lived in on $to: through a household they
// were a member of on $to (MEMBER_OF from on or before it, to after it or open) that lived then
// (LIVES_AT likewise) at an address IN the LSOA. lsoa is null for a child with no address on $to.
// Retired involvements are left out. Starts from the (service, start) index; each child is then
// one unique-index seek and a local expansion to their household's address.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $service, $from, $to (dates), $ageFrom, $ageTo (whole years), $systems (list or null).
// Example: :param service => 'SOCIAL_CARE'; :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param ageFrom => 0; :param ageTo => 17; :param systems => null
MATCH (i:Involvement)
WHERE i.service = $service AND i.start <= $to
  AND (i.end IS NULL OR i.end >= $from)
  AND i.retiredAt IS NULL AND i.childId IS NOT NULL
  AND ($systems IS NULL OR i.sourceSystem IN $systems)
WITH DISTINCT i.childId AS childId
MATCH (c:Child {id: childId})
WHERE c.birthDate + duration({years: $ageFrom}) <= $to
  AND c.birthDate + duration({years: $ageTo + 1}) > $to
WITH c, head([(c)-[m:MEMBER_OF]->(:Household)-[l:LIVES_AT]->(:Address)-[:IN]->(lsoa:Area)
              WHERE (m.from IS NULL OR m.from <= $to) AND (m.to IS NULL OR m.to > $to)
                AND (l.from IS NULL OR l.from <= $to) AND (l.to IS NULL OR l.to > $to)
              | lsoa.code]) AS lsoa
RETURN lsoa, count(*) AS children
