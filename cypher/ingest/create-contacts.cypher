// Import: contacts not in the graph yet, with their record and the involvement they led to.
// Parameters: $rows [{id, record, ledTo, props}].
UNWIND $rows AS row
MATCH (r:PersonRecord {id: row.record})
CREATE (r)-[:SUBJECT_OF]->(c:Contact)
SET c = row.props
WITH c, row WHERE row.ledTo IS NOT NULL
MATCH (i:Involvement {id: row.ledTo})
CREATE (c)-[:LED_TO]->(i)
