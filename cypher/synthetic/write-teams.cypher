// Synthetic authority: teams, the organisation they are part of and the service they deliver.
UNWIND $rows AS row
MERGE (t:Team {id: row.id})
SET t.name = row.name, t.service = row.service, t.email = row.email, t.phone = row.phone,
    t.synthetic = true
WITH t, row
MATCH (o:Organisation {id: row.organisation})
MATCH (s:Service {code: row.service})
MERGE (t)-[:PART_OF]->(o)
MERGE (t)-[:DELIVERS]->(s)
