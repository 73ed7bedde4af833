// Import, indicators: published LA-level values, one LaIndicator per LA (or England), measure
// code and year ending 31 March, keyed <laCode>|<indicator>|<period>. A row replaces what an
// earlier import said for its key (a value later revised by DfE is revised here); rows whose
// content hash is unchanged are left alone. Each LA is a LocalAuthority by its ONS code, named as
// the latest file names it.
// Parameters: $rows [{key, hash, props}].
UNWIND $rows AS row
OPTIONAL MATCH (before:LaIndicator {key: row.key})
WITH row, before IS NULL AS created, coalesce(before.contentHash = row.hash, false) AS same
CALL (row, same) {
  WITH row WHERE NOT same
  MERGE (i:LaIndicator {key: row.key})
  SET i += row.props, i.contentHash = row.hash
}
CALL (row) {
  WITH row WHERE NOT row.props.national
  MERGE (la:LocalAuthority {code: row.props.laCode})
  SET la.name = coalesce(row.props.laName, la.name),
      la.oldCode = coalesce(row.props.oldLaCode, la.oldCode)
}
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND NOT same THEN 1 END) AS updated,
       count(CASE WHEN same THEN 1 END) AS unchanged
