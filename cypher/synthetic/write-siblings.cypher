// Synthetic families: siblings (one relationship per pair; read it in either direction).
UNWIND $rows AS row
MATCH (a:Child {id: row.a})
MATCH (b:Child {id: row.b})
CREATE (a)-[:SIBLING_OF {kind: row.kind, sourceSystem: row.sourceSystem}]->(b)
