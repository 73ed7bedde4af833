// Quality assurance: the children with an involvement of a kind open on a date (optionally with
// one team), for a sampled case file audit. Parameters: $kind (e.g. 'CIN_EPISODE'), $openOn
// (date), $teamId (team id or null). Index: Involvement(kind, start).
MATCH (i:Involvement {kind: $kind})
WHERE i.start <= $openOn AND (i.end IS NULL OR i.end > $openOn) AND i.retiredAt IS NULL
  AND ($teamId IS NULL OR EXISTS { (i)-[:WITH]->(:Team {id: $teamId}) })
MATCH (i)<-[:HAD]-(:PersonRecord)-[:REFERS_TO]->(c:Child)
RETURN DISTINCT c.id AS id
ORDER BY id
