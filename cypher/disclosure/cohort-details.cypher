// Cohort details: for one page of a cohort, each child's age band and sex on a date and the kinds
// of involvement (any service) open on that date. Deliberately returns nothing that identifies a
// child beyond the id, which the service replaces with its pseudonym before answering: no names,
// dates of birth, addresses, identifiers or record ids.
// Parameters: $childIds (list of Child.id, at most a page: 100), $openOn (Date), $systems (the
// source systems whose involvements count: those the reader's authority owns; null: all).
// Age bands as the DfE publishes them: UNDER_1, 1_TO_4, 5_TO_9, 10_TO_15, 16_AND_OVER; UNBORN when
// the child was not yet born on the date, UNKNOWN without a date of birth.
// A unique-index seek per child, then local expansion through its records.
UNWIND $childIds AS childId
MATCH (c:Child {id: childId})
CALL (c) {
  OPTIONAL MATCH (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(i:Involvement)
    WHERE i.start <= $openOn AND (i.end IS NULL OR i.end > $openOn) AND i.retiredAt IS NULL
      AND ($systems IS NULL OR i.sourceSystem IN $systems)
  WITH DISTINCT i.kind AS kind
  ORDER BY kind
  RETURN collect(kind) AS kinds
}
WITH c, kinds,
     CASE WHEN c.birthDate IS NOT NULL AND c.birthDate <= $openOn
          THEN duration.inMonths(c.birthDate, $openOn).years END AS age
RETURN c.id AS childId, c.sex AS sex, kinds,
       CASE
         WHEN c.birthDate IS NULL AND c.expectedBirthDate IS NULL THEN 'UNKNOWN'
         WHEN c.birthDate IS NULL OR c.birthDate > $openOn THEN 'UNBORN'
         WHEN age < 1 THEN 'UNDER_1'
         WHEN age < 5 THEN '1_TO_4'
         WHEN age < 10 THEN '5_TO_9'
         WHEN age < 16 THEN '10_TO_15'
         ELSE '16_AND_OVER'
       END AS ageBand
