// Whether an imported fact (contact, involvement or event) belongs to this child's record, and
// which service it comes from: annotations may only name facts of the child the reader may see.
// Parameters: $childId, $itemId.
MATCH (c:Child {id: $childId})<-[:REFERS_TO]-(:PersonRecord)-[:HAD|EXPERIENCED|SUBJECT_OF]->(f)
WHERE f.id = $itemId
RETURN labels(f)[0] AS label, f.service AS service
LIMIT 1
