// Import: events not in the graph yet, created with their record in one pass.
// Parameters: $rows [{id, record, props}].
UNWIND $rows AS row
MATCH (r:PersonRecord {id: row.record})
CREATE (r)-[:EXPERIENCED]->(e:Event)
SET e = row.props
