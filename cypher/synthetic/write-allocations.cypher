// Synthetic journeys: professionals allocated to involvements, with dates and reasons for changes.
UNWIND $rows AS row
MATCH (p:Professional {id: row.professional})
MATCH (i:Involvement {id: row.involvement})
CREATE (p)-[a:ALLOCATED]->(i)
SET a.role = row.role, a.lead = row.lead, a.from = row.from, a.to = row.to,
    a.startReason = row.startReason, a.endReason = row.endReason, a.sourceSystem = row.sourceSystem
