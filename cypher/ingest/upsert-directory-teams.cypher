// Import, staff directory: teams with their contact details, employer and service. A team the
// generic CSV created from an involvement's team name has the same id (<system>:TEAM:<name>),
// so the directory fills in its e-mail and phone. Rows whose content hash is unchanged are left
// alone. Blank cells leave what the graph holds (props carry no nulls).
// Parameters: $rows [{id, hash, props, organisation: {id, props} or null}].
UNWIND $rows AS row
OPTIONAL MATCH (before:Team {id: row.id})
WITH row, before IS NULL AS created, coalesce(before.contentHash = row.hash, false) AS same
CALL (row, same) {
  WITH row WHERE NOT same
  MERGE (t:Team {id: row.id})
  SET t += row.props, t.contentHash = row.hash
  WITH t, row
  CALL (t, row) {
    WITH t, row WHERE row.organisation IS NOT NULL
    OPTIONAL MATCH (t)-[old:PART_OF]->(:Organisation)
    DELETE old
    WITH DISTINCT t, row
    MERGE (o:Organisation {id: row.organisation.id})
      ON CREATE SET o += row.organisation.props
    MERGE (t)-[:PART_OF]->(o)
  }
  CALL (t, row) {
    WITH t, row WHERE row.props.service IS NOT NULL
    OPTIONAL MATCH (t)-[old:DELIVERS]->(:Service)
    DELETE old
    WITH DISTINCT t, row
    MATCH (s:Service {code: row.props.service})
    MERGE (t)-[:DELIVERS]->(s)
  }
}
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND NOT same THEN 1 END) AS updated,
       count(CASE WHEN same THEN 1 END) AS unchanged
