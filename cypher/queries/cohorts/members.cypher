// A saved cohort's frozen members (docs/measures.md#cohorts) and what tracking and sampling need
// to know of it. Unique-index seek on Cohort.id.
// Parameters: $id. Example: :param id => 'COH-example'
MATCH (c:Cohort {id: $id})
RETURN c.id AS id, c.name AS name, c.memberIds AS memberIds, c.sampleSeed AS sampleSeed
