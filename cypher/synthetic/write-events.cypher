// Synthetic journeys: dated events, held by the source record.
UNWIND $rows AS row
MATCH (r:PersonRecord {id: row.record})
CREATE (r)-[:EXPERIENCED]->(e:Event)
SET e = row.props
