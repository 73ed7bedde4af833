// Import: teams and workers the directory knows, by name key, so sources that name them only by
// name (Annex A "Allocated Team", "Allocated Worker") attach to the directory's entries.
// Runs once per import; both labels are small (hundreds to a few thousand nodes).
MATCH (t:Team) WHERE t.nameKey IS NOT NULL
RETURN 'Team' AS label, t.nameKey AS nameKey, t.id AS id, [] AS teams
UNION ALL
MATCH (p:Professional) WHERE p.nameKey IS NOT NULL
RETURN 'Professional' AS label, p.nameKey AS nameKey, p.id AS id,
       [(p)-[:MEMBER_OF]->(t:Team) | t.id] AS teams
