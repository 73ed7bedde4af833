// Cohort sample (docs/measures.md#cohorts): the sampled children's names, birth dates, sex and age
// band on $on. The service returns names and birth dates only to quality assurance reading for
// AUDIT (each child authorised and audited); everyone else gets the pseudonym, age band and sex.
// Age bands as the DfE publishes them: UNDER_1, 1_TO_4, 5_TO_9, 10_TO_15, 16_AND_OVER; UNBORN when
// not yet born on the date, UNKNOWN without a date of birth.
// Parameters: $ids (list of Child.id, at most a sample: 50), $on (Date).
// Example: :param ids => ['C00000001']; :param on => date('2026-03-31')
UNWIND $ids AS id
MATCH (c:Child {id: id})
WITH c, CASE WHEN c.birthDate IS NOT NULL AND c.birthDate <= $on
             THEN duration.inMonths(c.birthDate, $on).years END AS age
RETURN c.id AS id, c.givenName AS givenName, c.familyName AS familyName, c.birthDate AS birthDate,
       c.sex AS sex,
       CASE
         WHEN c.birthDate IS NULL AND c.expectedBirthDate IS NULL THEN 'UNKNOWN'
         WHEN c.birthDate IS NULL OR c.birthDate > $on THEN 'UNBORN'
         WHEN age < 1 THEN 'UNDER_1'
         WHEN age < 5 THEN '1_TO_4'
         WHEN age < 10 THEN '5_TO_9'
         WHEN age < 16 THEN '10_TO_15'
         ELSE '16_AND_OVER'
       END AS ageBand
