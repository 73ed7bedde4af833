// Import benchmark baseline: generic CSV events, keyed by id, hung from their record.
// Parameters: $url, $prefix.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (r:PersonRecord {id: $prefix + ':' + row.person_id})
  MERGE (e:Event {id: $prefix + ':EVT:' + row.event_id})
  SET e.kind = row.kind, e.service = row.service, e.date = date(row.date),
      e.sourceSystem = $prefix
  MERGE (r)-[:EXPERIENCED]->(e)
} IN TRANSACTIONS OF 10000 ROWS
