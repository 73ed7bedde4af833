// Whether an imported fact (contact, involvement or event) belongs to this child's record, and
// which service and authority it comes from (owner: its record's source system's authority, null
// when none is recorded): annotations may only name facts of the child the reader may see.
// Parameters: $childId, $itemId.
MATCH (c:Child {id: $childId})<-[:REFERS_TO]-(r:PersonRecord)-[:HAD|EXPERIENCED|SUBJECT_OF]->(f)
WHERE f.id = $itemId
OPTIONAL MATCH (d:DataSource {system: r.system})
RETURN labels(f)[0] AS label, f.service AS service, d.authority AS owner
LIMIT 1
