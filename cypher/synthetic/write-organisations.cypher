// Synthetic authority: organisations (LA, schools, NHS trusts, GP practices, police, housing).
UNWIND $rows AS row
MERGE (o:Organisation {id: row.id})
SET o += row, o.synthetic = true
