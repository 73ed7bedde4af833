// Synthetic journeys: assessments, plans and care episodes inside their CIN or early help episode.
UNWIND $rows AS row
MATCH (p:Involvement {id: row.part})
MATCH (w:Involvement {id: row.whole})
CREATE (p)-[:PART_OF]->(w)
