// Synthetic families: parents (PARENT_OF) and other carers (CARER_OF) of each child.
UNWIND $rows AS row
MATCH (a:Adult {id: row.adult})
MATCH (c:Child {id: row.child})
FOREACH (_ IN CASE WHEN row.type = 'PARENT_OF' THEN [1] ELSE [] END |
  CREATE (a)-[:PARENT_OF {relationship: row.relationship, parentalResponsibility: row.parentalResponsibility,
                          from: row.from, sourceSystem: row.sourceSystem}]->(c))
FOREACH (_ IN CASE WHEN row.type = 'CARER_OF' THEN [1] ELSE [] END |
  CREATE (a)-[:CARER_OF {relationship: row.relationship, parentalResponsibility: row.parentalResponsibility,
                         from: row.from, sourceSystem: row.sourceSystem}]->(c))
