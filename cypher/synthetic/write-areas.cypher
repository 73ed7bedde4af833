// Synthetic authority: areas (local authority, wards, LSOAs). Parameters: $rows.
UNWIND $rows AS row
MERGE (a:Area {code: row.code})
SET a.name = row.name, a.kind = row.kind, a.imdDecile = row.imdDecile, a.synthetic = true
