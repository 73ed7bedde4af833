// Import benchmark baseline: generic CSV involvements, keyed by id, hung from their record.
// Parameters: $url, $prefix.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (r:PersonRecord {id: $prefix + ':' + row.person_id})
  MERGE (i:Involvement {id: $prefix + ':INV:' + row.involvement_id})
  SET i.kind = row.kind, i.service = row.service, i.start = date(row.start),
      i.end = date(row.end), i.sourceSystem = $prefix
  MERGE (r)-[:HAD]->(i)
} IN TRANSACTIONS OF 10000 ROWS
