// Import: a professional allocated to an involvement from a date; the worker is created from the
// source's worker id when the staff directory has not named them yet.
// Parameters: $rows [{professional, name, involvement, from, props}].
UNWIND $rows AS row
MATCH (i:Involvement {id: row.involvement})
MERGE (p:Professional {id: row.professional})
  ON CREATE SET p.name = coalesce(row.name, row.professional), p.sourceSystem = row.props.sourceSystem
MERGE (p)-[a:ALLOCATED {from: row.from}]->(i)
SET a += row.props
