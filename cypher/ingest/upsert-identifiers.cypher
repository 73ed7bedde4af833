// Import: typed identifiers (NHS, UPN, LA child id...) held by a record. One Identifier node per
// scheme and value, shared by every record that holds it: that sharing is exact-identifier linkage.
// Parameters: $rows [{record, key, scheme, value, sourceSystem}].
UNWIND $rows AS row
MATCH (r:PersonRecord {id: row.record})
MERGE (i:Identifier {key: row.key})
  ON CREATE SET i.scheme = row.scheme, i.value = row.value
MERGE (r)-[h:HAS_IDENTIFIER]->(i)
  ON CREATE SET h.sourceSystem = row.sourceSystem
