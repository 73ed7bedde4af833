// Import, IMD: the English indices of deprivation's IMD decile (1 = most deprived 10% of LSOAs in
// England) and rank of each LSOA, set on the LSOA's Area. Only LSOAs the graph holds are changed: a
// national file's other LSOAs are read and left out. An LSOA given a decile for the first time is
// counted as created, a changed decile or rank as updated, the same as unchanged (a re-import
// changes nothing).
// Parameters: $rows [{code, decile, rank, source, importJob}].
UNWIND $rows AS row
MATCH (a:Area {code: row.code})
WHERE a.kind = 'LSOA'
WITH a, row, a.imdDecile IS NULL AS created,
     a.imdDecile = row.decile AND coalesce(a.imdRank = row.rank, a.imdRank IS NULL AND row.rank IS NULL) AS same
CALL (a, row, same) {
  WITH a, row WHERE NOT same
  SET a.imdDecile = row.decile, a.imdRank = row.rank, a.imdSource = row.source,
      a.imdImportJob = row.importJob
}
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND NOT same THEN 1 END) AS updated,
       count(CASE WHEN same THEN 1 END) AS unchanged
