// Cohort entry (docs/measures.md#cohorts) when neither an involvement nor a contact decision is
// asked for (a cohort by age, needs or area only): every child not merged into another, with no
// entry date of their own (the cohort's from date stands in). A scan of the Child label: such
// cohorts are rare and read each child by its own facts afterwards (cohort-filter.cypher).
// Parameters: none. Example: (none)
MATCH (c:Child)
WHERE c.mergedInto IS NULL
RETURN c.id AS childId, null AS entry
