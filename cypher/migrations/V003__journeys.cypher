// What happened: front-door contacts, involvements, events, placements, and the need codes.
// service and kind are indexed properties so population queries never expand Service or Team
// nodes. childId (the resolved child) is stored for grouping but not indexed: one child's facts
// are reached through their records, and every index slows every import.
CREATE CONSTRAINT contact_id IF NOT EXISTS FOR (n:Contact) REQUIRE n.id IS UNIQUE;
CREATE INDEX contact_received IF NOT EXISTS FOR (n:Contact) ON (n.receivedAt);
CREATE CONSTRAINT involvement_id IF NOT EXISTS FOR (n:Involvement) REQUIRE n.id IS UNIQUE;
CREATE INDEX involvement_service_start IF NOT EXISTS FOR (n:Involvement) ON (n.service, n.start);
CREATE INDEX involvement_kind_start IF NOT EXISTS FOR (n:Involvement) ON (n.kind, n.start);
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE INDEX event_service_date IF NOT EXISTS FOR (n:Event) ON (n.service, n.date);
CREATE INDEX event_kind_date IF NOT EXISTS FOR (n:Event) ON (n.kind, n.date);
CREATE CONSTRAINT placement_id IF NOT EXISTS FOR (n:Placement) REQUIRE n.id IS UNIQUE;
CREATE INDEX placement_type_start IF NOT EXISTS FOR (n:Placement) ON (n.placementType, n.start);
CREATE CONSTRAINT need_key IF NOT EXISTS FOR (n:Need) REQUIRE n.key IS UNIQUE;
