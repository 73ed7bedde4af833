// Synthetic journeys: involvements, held by the source record, with the team that worked with the child.
UNWIND $rows AS row
MATCH (r:PersonRecord {id: row.record})
CREATE (r)-[:HAD]->(i:Involvement)
SET i = row.props
WITH i, row
WHERE row.team IS NOT NULL
MATCH (t:Team {id: row.team})
CREATE (i)-[:WITH]->(t)
