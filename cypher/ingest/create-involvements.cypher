// Import: involvements not in the graph yet, created with their record and team in one pass.
// Parameters: $rows [{id, record, team, props}].
UNWIND $rows AS row
MATCH (r:PersonRecord {id: row.record})
CREATE (r)-[:HAD]->(i:Involvement)
SET i = row.props
WITH i, row WHERE row.team IS NOT NULL
MATCH (t:Team {id: row.team})
CREATE (i)-[:WITH]->(t)
