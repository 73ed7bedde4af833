// Import, snapshot retirement: marks facts the latest snapshot of their source no longer holds.
// They stay for audit; current views leave them out. Returns how many, and the children whose
// involvements were retired (their journey summaries are refreshed). Parameters: $rows [{label, id}], $job.
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.label = 'Involvement'
  MATCH (n:Involvement {id: row.id}) RETURN n
UNION
  WITH row WHERE row.label = 'Placement'
  MATCH (n:Placement {id: row.id}) RETURN n
UNION
  WITH row WHERE row.label = 'Event'
  MATCH (n:Event {id: row.id}) RETURN n
UNION
  WITH row WHERE row.label = 'Contact'
  MATCH (n:Contact {id: row.id}) RETURN n
}
WITH n WHERE n.retiredAt IS NULL
SET n.retiredAt = datetime(), n.retiredByJob = $job
RETURN count(n) AS retired,
       collect(DISTINCT CASE WHEN n:Involvement THEN n.childId END) AS children
