// Each source system's record of these children, with identifiers and how it is linked.
// Parameters: $ids (child ids).
UNWIND $ids AS id
MATCH (c:Child {id: id})<-[link:REFERS_TO]-(r:PersonRecord)
OPTIONAL MATCH (r)-[:HAS_IDENTIFIER]->(i:Identifier)
WITH c, r, link, collect(i {.scheme, .value}) AS identifiers
ORDER BY r.system, r.localId
RETURN c.id AS childId,
       collect(r {.id, .system, .localId, identifiers: identifiers, linkMethod: link.method,
                  linkStatus: link.status, linkScore: link.score}) AS records
