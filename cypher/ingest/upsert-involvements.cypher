// Import: involvements (a CIN episode, period of care, plan, programme...), keyed by a
// deterministic id built from the source's natural key; only changed content is rewritten.
// Parameters: $rows [{id, record, hash, team, props}].
UNWIND $rows AS row
MERGE (i:Involvement {id: row.id})
WITH i, row, i.contentHash AS before, i.retiredAt IS NOT NULL AS wasRetired,
     coalesce(row.props.changedAt < i.changedAt, false) AS stale
CALL (i, row, before, wasRetired, stale) {
  WITH * WHERE (before IS NULL OR before <> row.hash OR wasRetired)
    AND NOT stale
  SET i = row.props
  WITH i, row
  MATCH (r:PersonRecord {id: row.record})
  MERGE (r)-[:HAD]->(i)
}
CALL (i, row) {
  WITH * WHERE row.team IS NOT NULL
  MATCH (t:Team {id: row.team})
  MERGE (i)-[:WITH]->(t)
}
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS created,
       count(CASE WHEN before IS NOT NULL AND (before <> row.hash OR wasRetired) AND NOT stale THEN 1 END) AS updated,
       count(CASE WHEN (before = row.hash AND NOT wasRetired) OR stale THEN 1 END) AS unchanged
