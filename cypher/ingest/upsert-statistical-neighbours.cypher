// Import, neighbours: each LA's statistical neighbours, as ranked STATISTICAL_NEIGHBOUR
// relationships between LocalAuthority nodes (keyed by ONS code). An LA's list in the file is its
// whole list: a neighbour it no longer names is removed, a rank that changed is updated, the rest
// is left alone (so a re-import changes nothing).
// Parameters: $rows [{code, name, sourceSystem, sourceFile, importJob,
//                     neighbours: [{code, name, rank, sourceRecord}]}].
UNWIND $rows AS row
MERGE (la:LocalAuthority {code: row.code})
SET la.name = coalesce(row.name, la.name)
WITH la, row
CALL (la, row) {
  OPTIONAL MATCH (la)-[old:STATISTICAL_NEIGHBOUR]->(n:LocalAuthority)
  WHERE NOT n.code IN [x IN row.neighbours | x.code]
  DELETE old
  RETURN count(old) AS removed
}
CALL (la, row) {
  UNWIND row.neighbours AS nb
  MERGE (n:LocalAuthority {code: nb.code})
  SET n.name = coalesce(nb.name, n.name)
  WITH la, n, nb
  OPTIONAL MATCH (la)-[before:STATISTICAL_NEIGHBOUR]->(n)
  WITH la, n, nb, before IS NULL AS created, coalesce(before.rank = nb.rank, false) AS same
  CALL (la, n, nb, row, same) {
    WITH la, n, nb, row WHERE NOT same
    MERGE (la)-[r:STATISTICAL_NEIGHBOUR]->(n)
    SET r.rank = nb.rank, r.sourceSystem = row.sourceSystem, r.sourceFile = row.sourceFile,
        r.sourceRecord = nb.sourceRecord, r.importJob = row.importJob
  }
  RETURN count(CASE WHEN created THEN 1 END) AS created,
         count(CASE WHEN NOT created AND NOT same THEN 1 END) AS changed,
         count(CASE WHEN same THEN 1 END) AS same
}
RETURN sum(created) AS created, sum(changed) + sum(removed) AS updated, sum(same) AS unchanged
