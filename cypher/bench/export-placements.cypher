// Analytics benchmark (AnalyticsBenchmark, docs/benchmarks-postgres.md): the placements of each
// child's periods of care as measures/placement-stability.cypher reads them (through the records
// referring to the child; placements that count as one and are not retired), for the PostgreSQL
// baseline (table placement). One row per child, type, start and end.
// Parameters: none.
MATCH (c:Child)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(:Involvement {kind: 'LAC_EPISODE'})-[:IN_PLACEMENT]->(pl:Placement)
WHERE coalesce(pl.countsAsPlacement, true) AND pl.retiredAt IS NULL AND pl.start IS NOT NULL
RETURN DISTINCT c.id AS child_id, coalesce(pl.placementType, '') AS placement_type,
       pl.start AS start_date, pl.end AS end_date
