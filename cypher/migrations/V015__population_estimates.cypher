// Baseline and trends (docs/measures.md, "Hotspots"; docs/model.md): ONS mid-year population
// estimates, one node per area, mid-year and age (or age band), found by key; read for one year
// and an age range at a time, so (year, ageFrom) is indexed.
CREATE CONSTRAINT population_estimate_key IF NOT EXISTS FOR (n:PopulationEstimate) REQUIRE n.key IS UNIQUE;
CREATE INDEX population_estimate_year_age IF NOT EXISTS FOR (n:PopulationEstimate) ON (n.year, n.ageFrom);
