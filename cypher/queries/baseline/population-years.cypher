// Baseline and trends (docs/measures.md#trends): the mid-years for which population estimates are
// held, read from the (year, ageFrom) index.
// Parameters: none. Example: (none)
MATCH (p:PopulationEstimate)
WHERE p.year > 0 AND p.ageFrom >= 0
RETURN DISTINCT p.year AS year
ORDER BY year
