// Import benchmark baseline: the people rows of a generic CSV feed, loaded by a plain LOAD CSV
// script with the same exact-identifier linking (NHS number) the service does.
// Parameters: $url (file URL of people.csv), $prefix (record id prefix of this run).
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (r:PersonRecord {id: $prefix + ':' + row.person_id})
    ON CREATE SET r.system = $prefix, r.localId = row.person_id, r.personType = row.person_type
  WITH r, row WHERE row.nhs_number IS NOT NULL
  MERGE (i:Identifier {key: 'NHS:' + row.nhs_number})
    ON CREATE SET i.scheme = 'NHS', i.value = row.nhs_number
  MERGE (r)-[:HAS_IDENTIFIER]->(i)
  WITH r, i
  OPTIONAL MATCH (i)<-[:HAS_IDENTIFIER]-(:PersonRecord)-[:REFERS_TO]->(c:Child)
  WITH r, head(collect(DISTINCT c)) AS child WHERE child IS NOT NULL
  MERGE (r)-[:REFERS_TO]->(child)
} IN TRANSACTIONS OF 10000 ROWS
