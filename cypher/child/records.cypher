// Each source system's record of these children, with identifiers, how it is linked and the
// authority owning its source system (null when none is recorded: the deployment's own).
// Parameters: $ids (child ids).
UNWIND $ids AS id
MATCH (c:Child {id: id})<-[link:REFERS_TO]-(r:PersonRecord)
OPTIONAL MATCH (r)-[:HAS_IDENTIFIER]->(i:Identifier)
OPTIONAL MATCH (d:DataSource {system: r.system})
WITH c, r, link, d.authority AS owner, collect(i {.scheme, .value}) AS identifiers
ORDER BY r.system, r.localId
RETURN c.id AS childId,
       collect(r {.id, .system, .localId, identifiers: identifiers, linkMethod: link.method,
                  linkStatus: link.status, linkScore: link.score, owner: owner}) AS records
