// Baseline and trends (docs/measures.md#hotspots): every area of our geography (LSOAs, wards, the
// local authority) with its IMD decile and the areas it is IN. Areas are few (one LSOA per ~1,500
// people), so this reads them all.
// Parameters: none. Example: (none)
MATCH (a:Area)
RETURN a.code AS code, a.name AS name, a.kind AS kind, a.imdDecile AS imdDecile,
       [(a)-[:IN]->(p:Area) | p.code] AS parents
ORDER BY code
