// Import: an involvement inside another (an assessment or plan inside a CIN episode).
// Parameters: $rows [{part, whole}].
UNWIND $rows AS row
MATCH (p:Involvement {id: row.part})
MATCH (w:Involvement {id: row.whole})
MERGE (p)-[:PART_OF]->(w)
