// Import: links records to the child or adult they describe, creating that person when no record
// of theirs exists yet. Deterministic person ids keep a re-run from creating duplicates.
// Parameters: $rows [{record, person, label ('Child' or 'Adult'), props, method, status}].
UNWIND $rows AS row
MATCH (r:PersonRecord {id: row.record})
CALL (row) {
  WITH row WHERE row.label = 'Child'
  MERGE (p:Child {id: row.person})
    ON CREATE SET p += row.props
  RETURN p
UNION
  WITH row WHERE row.label = 'Adult'
  MERGE (p:Adult {id: row.person})
    ON CREATE SET p += row.props
  RETURN p
}
SET p.adopted = CASE WHEN row.props.adopted THEN true ELSE p.adopted END,
    p.restricted = CASE WHEN row.props.restricted THEN true ELSE p.restricted END
MERGE (r)-[l:REFERS_TO]->(p)
  ON CREATE SET l.score = 1.0, l.method = row.method, l.status = row.status,
                l.decidedBy = 'import', l.decidedAt = datetime()
