// Synthetic records: each source system's view of a child, linked to the child by ground truth.
UNWIND $rows AS row
MATCH (c:Child {id: row.child})
CREATE (r:PersonRecord)
SET r = row.props
CREATE (r)-[:REFERS_TO {score: 1.0, method: 'SYNTHETIC_GROUND_TRUTH', status: 'CONFIRMED',
                        decidedBy: 'synthetic-generator', decidedAt: row.decidedAt}]->(c)
