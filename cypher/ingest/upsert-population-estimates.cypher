// Import, population: ONS mid-year population estimates, one PopulationEstimate per area, year and
// age band (a single year of age is a band of one year), keyed <areaCode>|<year>|<ageFrom>-<ageTo>.
// Only areas the graph holds (Area by code) are loaded: a national file's other areas are read and
// left out. The bands a file gives for an area and year are its whole list for that year: bands it
// no longer gives are removed (counted as updated), a changed count is updated, the rest is left
// alone (so a re-import changes nothing).
// Parameters: $rows [{areaCode, year, sourceSystem, sourceFile, importJob,
//                     estimates: [{key, ageFrom, ageTo, count, sourceRecord}]}].
UNWIND $rows AS row
MATCH (a:Area {code: row.areaCode})
CALL (row) {
  MATCH (old:PopulationEstimate)
  WHERE old.year = row.year AND old.ageFrom >= 0 AND old.areaCode = row.areaCode
    AND NOT old.key IN [e IN row.estimates | e.key]
  DETACH DELETE old
  RETURN count(*) AS removed
}
CALL (row) {
  UNWIND row.estimates AS e
  OPTIONAL MATCH (before:PopulationEstimate {key: e.key})
  WITH row, e, before IS NULL AS created, coalesce(before.count = e.count, false) AS same
  CALL (row, e, same) {
    WITH row, e WHERE NOT same
    MERGE (p:PopulationEstimate {key: e.key})
    SET p.areaCode = row.areaCode, p.year = row.year, p.ageFrom = e.ageFrom, p.ageTo = e.ageTo,
        p.count = e.count, p.sourceSystem = row.sourceSystem, p.sourceFile = row.sourceFile,
        p.sourceRecord = e.sourceRecord, p.importJob = row.importJob
  }
  RETURN count(CASE WHEN created THEN 1 END) AS created,
         count(CASE WHEN NOT created AND NOT same THEN 1 END) AS changed,
         count(CASE WHEN same THEN 1 END) AS same
}
RETURN sum(created) AS created, sum(changed) + sum(removed) AS updated, sum(same) AS unchanged
