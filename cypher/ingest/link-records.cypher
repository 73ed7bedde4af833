// Import: links records to the child or adult they describe, creating that person when no record
// of theirs exists yet. Deterministic person ids keep a re-run from creating duplicates.
// Parameters: $rows [{record, person, label ('Child' or 'Adult'), props, method, status, score,
// evidence (the matcher's field comparisons, e.g. 'birthDate:EXACT:+12.6')}].
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
// Only a true flag is written: rewriting an unchanged value would still lock and write the person.
FOREACH (_ IN CASE WHEN row.props.adopted AND NOT coalesce(p.adopted, false) THEN [1] ELSE [] END |
  SET p.adopted = true)
FOREACH (_ IN CASE WHEN row.props.restricted AND NOT coalesce(p.restricted, false) THEN [1] ELSE [] END |
  SET p.restricted = true)
MERGE (r)-[l:REFERS_TO]->(p)
  ON CREATE SET l.score = row.score, l.method = row.method, l.status = row.status,
                l.evidence = CASE WHEN size(row.evidence) > 0 THEN row.evidence END, l.decidedBy = 'import', l.decidedAt = datetime()
