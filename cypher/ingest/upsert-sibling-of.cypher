// Import: siblings from the generic CSV; one edge per pair, whichever way round it was given.
// Parameters: $rows [{adult (the first child's record), child, props}].
UNWIND $rows AS row
MATCH (:PersonRecord {id: row.adult})-[:REFERS_TO]->(a:Child)
MATCH (:PersonRecord {id: row.child})-[:REFERS_TO]->(c:Child)
WHERE a <> c
MERGE (a)-[f:SIBLING_OF]-(c)
SET f += row.props
