// People and identity. Each source system's view of a person is a PersonRecord; the resolved
// person (Child or Adult) is reached through a scored, reversible REFERS_TO link.
CREATE CONSTRAINT child_id IF NOT EXISTS FOR (n:Child) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT adult_id IF NOT EXISTS FOR (n:Adult) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_record_id IF NOT EXISTS FOR (n:PersonRecord) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT identifier_key IF NOT EXISTS FOR (n:Identifier) REQUIRE n.key IS UNIQUE;
CREATE INDEX identifier_value IF NOT EXISTS FOR (n:Identifier) ON (n.value);
CREATE INDEX child_birth_date IF NOT EXISTS FOR (n:Child) ON (n.birthDate);
CREATE INDEX person_record_birth_date IF NOT EXISTS FOR (n:PersonRecord) ON (n.birthDate);
CREATE INDEX person_record_system IF NOT EXISTS FOR (n:PersonRecord) ON (n.system, n.localId);
// Eventually consistent: a name is searchable a moment after commit, and bulk loads do not
// wait for Lucene on every commit.
CREATE FULLTEXT INDEX person_names IF NOT EXISTS
  FOR (n:Child|Adult|PersonRecord) ON EACH [n.givenName, n.familyName]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
CREATE CONSTRAINT household_id IF NOT EXISTS FOR (n:Household) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT address_id IF NOT EXISTS FOR (n:Address) REQUIRE n.id IS UNIQUE;
CREATE INDEX address_postcode IF NOT EXISTS FOR (n:Address) ON (n.postcode);
CREATE CONSTRAINT area_code IF NOT EXISTS FOR (n:Area) REQUIRE n.code IS UNIQUE;
