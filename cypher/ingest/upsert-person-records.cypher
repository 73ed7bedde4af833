// Import: each source system's record of a person, keyed by system and local id. Properties only
// ever add up (a 903 extract without its Header table must not erase the child's date of birth);
// a record counts as updated when a property's value is new or different.
// Parameters: $rows [{id, props}].
UNWIND $rows AS row
MERGE (r:PersonRecord {id: row.id})
WITH r, row, r.system IS NULL AS created,
     any(k IN keys(row.props) WHERE NOT k IN ['sourceFile', 'sourceRecord', 'importJob', 'contentHash']
         AND (r[k] IS NULL OR r[k] <> row.props[k])) AS changed
CALL (r, row, changed) {
  WITH * WHERE changed
  SET r += row.props
}
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN changed AND NOT created THEN 1 END) AS updated,
       count(CASE WHEN NOT changed THEN 1 END) AS unchanged
