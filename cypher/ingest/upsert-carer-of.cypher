// Import: family from the generic CSV, between the resolved people of two records.
// Parameters: $rows [{adult, child, props}] (record ids).
UNWIND $rows AS row
MATCH (:PersonRecord {id: row.adult})-[:REFERS_TO]->(a)
MATCH (:PersonRecord {id: row.child})-[:REFERS_TO]->(c:Child)
MERGE (a)-[f:CARER_OF]->(c)
SET f += row.props
