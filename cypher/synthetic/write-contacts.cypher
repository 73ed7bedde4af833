// Synthetic journeys: front-door contacts with their decision, and the involvement each led to.
UNWIND $rows AS row
MATCH (r:PersonRecord {id: row.record})
CREATE (r)-[:SUBJECT_OF]->(c:Contact)
SET c = row.props
WITH c, row
WHERE row.ledTo IS NOT NULL
MATCH (i:Involvement {id: row.ledTo})
CREATE (c)-[:LED_TO]->(i)
