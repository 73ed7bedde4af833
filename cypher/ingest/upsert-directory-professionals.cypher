// Import, staff directory: professionals with their contact details and their time in teams. A
// worker the generic CSV allocated has the same id (<system>:WORKER:<staff id>), so the
// directory fills in their phone and e-mail. The directory is the whole truth for a worker's
// memberships from this source: a changed worker's MEMBER_OF edges from this source are
// replaced. Rows whose content hash (details and memberships) is unchanged are left alone.
// Parameters: $rows [{id, hash, props, memberships: [{team, props: {from, to, sourceSystem}}]}].
UNWIND $rows AS row
OPTIONAL MATCH (before:Professional {id: row.id})
WITH row, before IS NULL AS created, coalesce(before.contentHash = row.hash, false) AS same
CALL (row, same) {
  WITH row WHERE NOT same
  MERGE (p:Professional {id: row.id})
  SET p += row.props, p.contentHash = row.hash
  WITH p, row
  CALL (p, row) {
    MATCH (p)-[old:MEMBER_OF]->(:Team)
    WHERE old.sourceSystem = row.props.sourceSystem
    DELETE old
  }
  UNWIND row.memberships AS m
  MATCH (t:Team {id: m.team})
  CREATE (p)-[r:MEMBER_OF]->(t)
  SET r += m.props
}
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND NOT same THEN 1 END) AS updated,
       count(CASE WHEN same THEN 1 END) AS unchanged
