// Synthetic journeys: placements within a period of care.
UNWIND $rows AS row
MATCH (i:Involvement {id: row.episode})
CREATE (i)-[:IN_PLACEMENT]->(p:Placement)
SET p = row.props
