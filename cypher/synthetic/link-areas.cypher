// Synthetic authority: each area inside its parent. Parameters: $rows.
UNWIND $rows AS row
WITH row WHERE row.parent IS NOT NULL
MATCH (a:Area {code: row.code})
MATCH (p:Area {code: row.parent})
MERGE (a)-[:IN]->(p)
