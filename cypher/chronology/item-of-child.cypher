// Whether an imported fact (contact, involvement or event) belongs to this child's record, and
// what it is: annotations may only name the child's own facts.
// Parameters: $childId, $itemId.
MATCH (c:Child {id: $childId})<-[:REFERS_TO]-(:PersonRecord)-[:HAD|EXPERIENCED|SUBJECT_OF]->(f)
WHERE f.id = $itemId
RETURN labels(f)[0] AS label
LIMIT 1
