// Import: dated events (missing episodes, reviews, legal status changes, offences...) held by a record.
// Parameters: $rows [{id, record, hash, props}].
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
WITH e, row, e.contentHash AS before, e.retiredAt IS NOT NULL AS wasRetired,
     coalesce(row.props.changedAt < e.changedAt, false) AS stale
CALL (e, row, before, wasRetired, stale) {
  WITH * WHERE (before IS NULL OR before <> row.hash OR wasRetired)
    AND NOT stale
  SET e = row.props
  WITH e, row
  MATCH (r:PersonRecord {id: row.record})
  MERGE (r)-[:EXPERIENCED]->(e)
}
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS created,
       count(CASE WHEN before IS NOT NULL AND (before <> row.hash OR wasRetired) AND NOT stale THEN 1 END) AS updated,
       count(CASE WHEN (before = row.hash AND NOT wasRetired) OR stale THEN 1 END) AS unchanged
