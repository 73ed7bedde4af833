// The members of a saved cohort (docs/measures.md#cohorts): its frozen memberIds, each a member
// merged into another child since saving counted as that child. No row when there is no such cohort.
// Parameters: $cohortId.
// Example: :param cohortId => 'COH-1'
MATCH (c:Cohort {id: $cohortId})
UNWIND coalesce(c.memberIds, []) AS id
OPTIONAL MATCH (child:Child {id: id})
RETURN c.id AS cohortId, collect(DISTINCT coalesce(child.mergedInto, id)) AS members
