// Import: teams named by a source that has no directory entry for them yet.
// Parameters: $rows [{id, name, service, sourceSystem}].
UNWIND $rows AS row
MERGE (t:Team {id: row.id})
  ON CREATE SET t.name = row.name, t.service = row.service, t.sourceSystem = row.sourceSystem
