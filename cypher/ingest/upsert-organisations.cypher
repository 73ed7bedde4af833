// Import, GIAS and ODS: schools, GP practices and NHS trusts, keyed as the synthetic generator
// keys them (URN-<urn>, GP-<code>, NHS-<code>). The extract is the whole description of the
// organisation: props carry every field, null when the extract leaves it blank, so a removed
// telephone number is removed. Rows whose content hash is unchanged are left alone.
// Parameters: $rows [{id, hash, props}].
UNWIND $rows AS row
OPTIONAL MATCH (before:Organisation {id: row.id})
WITH row, before IS NULL AS created, coalesce(before.contentHash = row.hash, false) AS same
CALL (row, same) {
  WITH row WHERE NOT same
  MERGE (o:Organisation {id: row.id})
  SET o += row.props, o.contentHash = row.hash
}
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND NOT same THEN 1 END) AS updated,
       count(CASE WHEN same THEN 1 END) AS unchanged
