// Import: for each record, the person it already refers to, and the people that other records
// sharing one of its identifiers refer to (exact-identifier linkage candidates).
// Parameters: $ids [record id].
UNWIND $ids AS id
MATCH (r:PersonRecord {id: id})
OPTIONAL MATCH (r)-[:REFERS_TO]->(linked)
OPTIONAL MATCH (r)-[:HAS_IDENTIFIER]->(i:Identifier)<-[:HAS_IDENTIFIER]-(o:PersonRecord)-[:REFERS_TO]->(c)
  WHERE o <> r AND (c:Child OR c:Adult)
WITH id, linked, c, collect(DISTINCT i.scheme) AS schemes
RETURN id, linked.id AS linked,
       collect(CASE WHEN c IS NULL THEN null
               ELSE {person: c.id, label: CASE WHEN c:Child THEN 'Child' ELSE 'Adult' END, schemes: schemes, adopted: coalesce(c.adopted, false)} END) AS candidates
