// Synthetic records: typed identifiers (NHS, UPN, LA child id...) shared by the records that hold them.
UNWIND $rows AS row
MATCH (r:PersonRecord {id: row.record})
MERGE (i:Identifier {key: row.key})
  ON CREATE SET i.scheme = row.scheme, i.value = row.value, i.synthetic = true
CREATE (r)-[:HAS_IDENTIFIER {from: row.from, sourceSystem: row.sourceSystem}]->(i)
