// Saves a cohort (docs/measures.md#cohorts): its definition (JSON text, a listed cohort's ids
// replaced by their number), who saved it, their role, when, and its members frozen at that moment
// as a sorted list of child ids on the node (no relationships: a cohort must not grow children's
// nodes or become a supernode).
// Parameters: $id, $name, $definition, $createdBy, $role, $referenceDate, $memberIds, $sampleSeed.
// Example: :param id => 'COH-example'; :param name => 'CP plans 2025-26'; :param definition => '{"kinds":["CP_PLAN"]}'; :param createdBy => 'analyst'; :param role => 'ANALYST'; :param referenceDate => date('2026-03-31'); :param memberIds => ['C00000001']; :param sampleSeed => 42
CREATE (c:Cohort {id: $id, name: $name, definition: $definition, createdBy: $createdBy,
                  role: $role, createdAt: datetime(), referenceDate: $referenceDate,
                  memberIds: $memberIds, memberCount: size($memberIds), sampleSeed: $sampleSeed})
RETURN c.id AS id, c.name AS name, c.definition AS definition, c.createdBy AS createdBy,
       c.role AS role, c.createdAt AS createdAt, c.referenceDate AS referenceDate,
       c.memberCount AS memberCount, c.sampleSeed AS sampleSeed
