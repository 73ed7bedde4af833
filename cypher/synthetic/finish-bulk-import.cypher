// After a bulk import of the synthetic authority: link teams to their service (the Service
// nodes come from migration V005), stamp the sources (owned by the deployment's authority,
// $authority: its ONS code, or null when none is configured) and mark the authority complete.
CALL () {
  MATCH (t:Team)
  MATCH (s:Service {code: t.service})
  MERGE (t)-[:DELIVERS]->(s)
}
CALL () {
  MATCH (s:DataSource) WHERE s.synthetic
  SET s.lastImport = datetime(), s.authority = coalesce(s.authority, $authority)
}
MATCH (d:Dataset {id: 'main'})
SET d.status = 'COMPLETE', d.generatedAt = datetime()
