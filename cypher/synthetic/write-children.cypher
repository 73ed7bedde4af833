// Synthetic families: resolved children and their household membership.
UNWIND $rows AS row
MATCH (h:Household {id: row.household})
CREATE (c:Child)
SET c = row.props
CREATE (c)-[:MEMBER_OF {from: row.from}]->(h)
