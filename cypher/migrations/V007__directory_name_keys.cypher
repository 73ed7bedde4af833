// Directories: teams and professionals looked up by normalised name (Annex A lists name the
// worker and team, not their ids), schools by URN and NHS organisations by ODS code.
CREATE INDEX team_name_key IF NOT EXISTS FOR (n:Team) ON (n.nameKey);
CREATE INDEX professional_name_key IF NOT EXISTS FOR (n:Professional) ON (n.nameKey);
CREATE INDEX organisation_urn IF NOT EXISTS FOR (n:Organisation) ON (n.urn);
CREATE INDEX organisation_code IF NOT EXISTS FOR (n:Organisation) ON (n.code);
