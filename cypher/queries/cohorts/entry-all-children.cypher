// Cohort entry (docs/measures.md#cohorts) when neither an involvement nor a contact decision is
// asked for (a cohort by age, needs or area only): every child not merged into another, with no
// entry date of their own (the cohort's from date stands in). A scan of the Child label: such
// cohorts are rare and read each child by its own facts afterwards (cohort-filter.cypher).
// With $systems (the source systems the reader's authority owns; null: all,
// docs/measures.md#aggregates-of-several-authorities), only children with a record in one of them.
// Parameters: $systems (list or null).
// Example: :param systems => null
MATCH (c:Child)
WHERE c.mergedInto IS NULL
  AND ($systems IS NULL OR EXISTS { (c)<-[:REFERS_TO]-(r:PersonRecord) WHERE r.system IN $systems })
RETURN c.id AS childId, null AS entry
