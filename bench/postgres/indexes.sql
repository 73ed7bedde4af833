-- Indexes of the analytics benchmark's PostgreSQL schema (docs/benchmarks-postgres.md), built after
-- COPY, then VACUUM ANALYZE (statistics, and the visibility map for index-only scans).
SET search_path = bench;
-- overlap: the steps active in a period (start on or before its end), covering, so an index-only
-- scan needs no heap access
CREATE INDEX journey_step_start ON journey_step (start_date) INCLUDE (end_date, service, child_id);
-- pathways: a child's steps of a kind (an involvement outcome's first date)
CREATE INDEX journey_step_kind_start ON journey_step (kind, start_date) INCLUDE (child_id);
-- guidance: involvements of the targeted kinds by start; contacts and exclusions by date
CREATE INDEX involvement_kind_start ON involvement (kind, start_date);
CREATE INDEX involvement_child ON involvement (child_id);
CREATE INDEX involvement_part_of_involvement ON involvement_part_of (involvement_id);
CREATE INDEX contact_received_on ON contact (received_on);
CREATE INDEX contact_child ON contact (child_id);
CREATE INDEX contact_led_to_contact ON contact_led_to (contact_id);
CREATE INDEX placement_child ON placement (child_id);
CREATE INDEX event_kind_date ON event (kind, event_date) INCLUDE (child_id);
-- onward journeys: a child's events after a date (involvements and contacts by child_id above)
CREATE INDEX event_child ON event (child_id, event_date) INCLUDE (kind);
VACUUM ANALYZE child, journey_step, involvement, involvement_part_of, contact, contact_led_to, event,
  placement;
