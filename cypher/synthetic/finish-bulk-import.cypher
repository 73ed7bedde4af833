// After a bulk import of the synthetic authority: link teams to their service (the Service
// nodes come from migration V005), stamp the sources and mark the authority complete.
CALL () {
  MATCH (t:Team)
  MATCH (s:Service {code: t.service})
  MERGE (t)-[:DELIVERS]->(s)
}
CALL () {
  MATCH (s:DataSource) WHERE s.synthetic
  SET s.lastImport = datetime()
}
MATCH (d:Dataset {id: 'main'})
SET d.status = 'COMPLETE', d.generatedAt = datetime()
