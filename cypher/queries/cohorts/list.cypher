// Saved cohorts (docs/measures.md#cohorts), newest first, without their members.
// Parameters: $limit. Example: :param limit => 50
MATCH (c:Cohort)
RETURN c.id AS id, c.name AS name, c.definition AS definition, c.createdBy AS createdBy,
       c.role AS role, c.createdAt AS createdAt, c.referenceDate AS referenceDate,
       c.memberCount AS memberCount, c.sampleSeed AS sampleSeed
ORDER BY createdAt DESC, id
LIMIT $limit
