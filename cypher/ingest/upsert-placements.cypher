// Import: placements within a period of care.
// Parameters: $rows [{id, involvement, hash, props}].
UNWIND $rows AS row
MERGE (p:Placement {id: row.id})
WITH p, row, p.contentHash AS before, p.retiredAt IS NOT NULL AS wasRetired
CALL (p, row, before, wasRetired) {
  WITH * WHERE before IS NULL OR before <> row.hash OR wasRetired
  SET p = row.props
  WITH p, row
  MATCH (i:Involvement {id: row.involvement})
  MERGE (i)-[:IN_PLACEMENT]->(p)
}
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS created,
       count(CASE WHEN before IS NOT NULL AND (before <> row.hash OR wasRetired) THEN 1 END) AS updated,
       count(CASE WHEN before = row.hash AND NOT wasRetired THEN 1 END) AS unchanged
