// Synthetic families: parents and carers and their household membership.
UNWIND $rows AS row
MATCH (h:Household {id: row.household})
CREATE (a:Adult)
SET a = row.props
CREATE (a)-[:MEMBER_OF {from: row.from}]->(h)
