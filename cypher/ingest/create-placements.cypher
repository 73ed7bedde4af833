// Import: placements not in the graph yet, created under their period of care in one pass.
// Parameters: $rows [{id, involvement, props}].
UNWIND $rows AS row
MATCH (i:Involvement {id: row.involvement})
CREATE (i)-[:IN_PLACEMENT]->(p:Placement)
SET p = row.props
