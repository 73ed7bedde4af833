// Import: front-door contacts with their decision; LED_TO the involvement they opened, if known.
// Parameters: $rows [{id, record, hash, ledTo, props}].
UNWIND $rows AS row
MERGE (c:Contact {id: row.id})
WITH c, row, c.contentHash AS before, c.retiredAt IS NOT NULL AS wasRetired,
     coalesce(row.props.changedAt < c.changedAt, false) AS stale
CALL (c, row, before, wasRetired, stale) {
  WITH * WHERE (before IS NULL OR before <> row.hash OR wasRetired)
    AND NOT stale
  SET c = row.props
  WITH c, row
  MATCH (r:PersonRecord {id: row.record})
  MERGE (r)-[:SUBJECT_OF]->(c)
}
CALL (c, row) {
  WITH * WHERE row.ledTo IS NOT NULL
  MATCH (i:Involvement {id: row.ledTo})
  MERGE (c)-[:LED_TO]->(i)
}
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS created,
       count(CASE WHEN before IS NOT NULL AND (before <> row.hash OR wasRetired) AND NOT stale THEN 1 END) AS updated,
       count(CASE WHEN (before = row.hash AND NOT wasRetired) OR stale THEN 1 END) AS unchanged
