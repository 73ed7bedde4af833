// What a saved cohort is (docs/measures.md#cohorts), for the method note of a report on it
// (docs/reports.md): its name, its definition (JSON text) and the data's reference date when it
// was saved; not its size (the report shows the cohort's suppressed count). No row when there is
// no such cohort.
// Parameters: $cohortId.
// Starts from: Cohort.id (unique constraint).
// Example: :param cohortId => 'COH-1'
MATCH (c:Cohort {id: $cohortId})
RETURN c.id AS cohortId, c.name AS name, c.definition AS definition,
       c.referenceDate AS referenceDate
