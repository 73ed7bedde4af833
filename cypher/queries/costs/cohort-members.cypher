// The members of a saved cohort (docs/measures.md#cohorts), frozen when it was saved, for its
// costs; a member merged into another child since is costed as that child.
// Parameters: $id (Cohort.id). Example: :param id => 'COH-1'
MATCH (c:Cohort {id: $id})
UNWIND c.memberIds AS memberId
OPTIONAL MATCH (m:Child {id: memberId})
RETURN DISTINCT coalesce(m.mergedInto, memberId) AS childId
