// Synthetic families: households and the addresses they lived at, in their LSOA.
UNWIND $rows AS row
MATCH (l:Area {code: row.lsoa})
MERGE (h:Household {id: row.household})
  ON CREATE SET h.synthetic = true
CREATE (a:Address {id: row.id, line1: row.line1, postcode: row.postcode, synthetic: true})
CREATE (h)-[:LIVES_AT {from: row.from, to: row.to}]->(a)
CREATE (a)-[:IN]->(l)
