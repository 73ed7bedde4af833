// Baseline and trends (docs/measures.md#hotspots): the population estimates of one mid-year whose
// age band meets the age range $ageFrom..$ageTo (inclusive), by area; the service adds up the bands
// that lie within the range and treats an area whose bands straddle its ends, or leave an age out,
// as having no estimate for the range. Starts from the (year, ageFrom) index.
// Parameters: $year (integer), $ageFrom, $ageTo (whole years).
// Example: :param year => 2025; :param ageFrom => 0; :param ageTo => 17
MATCH (p:PopulationEstimate)
WHERE p.year = $year AND p.ageFrom >= 0 AND p.ageFrom <= $ageTo AND p.ageTo >= $ageFrom
RETURN p.areaCode AS area, p.ageFrom AS ageFrom, p.ageTo AS ageTo, p.count AS count
