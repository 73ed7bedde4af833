// Who delivers services: the nine domains, organisations, teams and professionals.
CREATE CONSTRAINT service_code IF NOT EXISTS FOR (n:Service) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE INDEX organisation_kind IF NOT EXISTS FOR (n:Organisation) ON (n.kind);
CREATE CONSTRAINT team_id IF NOT EXISTS FOR (n:Team) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT professional_id IF NOT EXISTS FOR (n:Professional) REQUIRE n.id IS UNIQUE;
CREATE FULLTEXT INDEX professional_names IF NOT EXISTS FOR (n:Professional) ON EACH [n.name]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
