// Statistical neighbours (docs/measures.md, "Statistical neighbours"; docs/model.md): published
// LA-level indicators, one node per LA (or England), indicator and period, found by key; and the
// local authorities, by ONS code, with their ranked neighbour lists as relationships.
CREATE CONSTRAINT la_indicator_key IF NOT EXISTS FOR (n:LaIndicator) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT local_authority_code IF NOT EXISTS FOR (n:LocalAuthority) REQUIRE n.code IS UNIQUE;
