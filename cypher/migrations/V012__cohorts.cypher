// Saved cohorts (docs/measures.md#cohorts): a definition, who saved it and when, and its members
// frozen at that moment as a list of child ids on the node. No relationships to children: a cohort
// must not grow children's nodes, and a large one would be a supernode.
CREATE CONSTRAINT cohort_id IF NOT EXISTS FOR (n:Cohort) REQUIRE n.id IS UNIQUE;
