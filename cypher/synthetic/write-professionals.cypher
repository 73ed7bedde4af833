// Synthetic authority: professionals and their time in a team.
UNWIND $rows AS row
MATCH (t:Team {id: row.team})
CREATE (p:Professional {id: row.id, name: row.name, role: row.role, email: row.email,
                        phone: row.phone, synthetic: true})
CREATE (p)-[:MEMBER_OF {from: row.from, to: row.to}]->(t)
