// Measure (docs/measures.md#neet-or-not-known-at-16-17): young people of academic age 16 and 17
// (age on 31 August before the academic year that starts in the measure's year: born 1 September
// Y-18 to 31 August Y-16 for the academic year starting in September Y) known to the service, and
// of them those NEET or whose activity is not known (an open NEET_OR_NOT_KNOWN involvement) at the
// end of December, January and February: DfE's three-month average.
// Only facts recorded by $systems count, and the children known to the service are those with a
// record in one of them (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $from, $to, $systems (list of source systems, or null).
// Example: :param from => date('2025-04-01'); :param to => date('2026-03-31'); :param systems => null
WITH date({year: $from.year - 18, month: 9, day: 1}) AS bornFrom,
     date({year: $from.year - 16, month: 8, day: 31}) AS bornTo,
     [date({year: $from.year, month: 12, day: 31}), date({year: $to.year, month: 1, day: 31}),
      date({year: $to.year, month: 3, day: 1}) - duration('P1D')] AS snapshots
MATCH (c:Child)
WHERE c.birthDate >= bornFrom AND c.birthDate <= bornTo AND c.mergedInto IS NULL
  AND ($systems IS NULL OR EXISTS { (c)<-[:REFERS_TO]-(r:PersonRecord) WHERE r.system IN $systems })
CALL (c, snapshots) {
  OPTIONAL MATCH (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(i:Involvement {kind: 'NEET_OR_NOT_KNOWN'})
  WHERE i.retiredAt IS NULL AND ($systems IS NULL OR i.sourceSystem IN $systems)
  WITH collect(i) AS spells
  RETURN [s IN snapshots | CASE WHEN any(i IN spells WHERE i.start <= s AND (i.end IS NULL OR i.end > s))
                                THEN 1 ELSE 0 END] AS neet
}
WITH count(c) AS known, sum(neet[0]) AS december, sum(neet[1]) AS january, sum(neet[2]) AS february
RETURN known AS denominator, december, january, february,
       toInteger(round((december + january + february) / 3.0)) AS numerator
