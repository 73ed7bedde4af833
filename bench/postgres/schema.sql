-- The analytics benchmark's PostgreSQL schema (docs/benchmarks-postgres.md): the same data the
-- Neo4j analytics read, exported from the benchmark store by AnalyticsBenchmark and loaded with
-- COPY. Normalised: one row per child, involvement, contact, event and link.
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
SET search_path = bench;

-- Every Child node.
CREATE TABLE child (
  id         text PRIMARY KEY,
  birth_date date
);

-- The steps of each child's journey: one row per involvement of the child's JourneySummary (the
-- involvements of the records referring to the child, retired ones left out, one statutoryKey
-- once), seq = its position in journey order (start, later end first, kind, id). What overlap and
-- pathways read in both databases. end_date NULL = open.
CREATE TABLE journey_step (
  child_id   text    NOT NULL,
  seq        integer NOT NULL,
  kind       text    NOT NULL,
  service    text    NOT NULL,
  start_date date    NOT NULL,
  end_date   date,
  PRIMARY KEY (child_id, seq)
);

-- Involvement records (not retired, with a child): what front-door guidance, placement
-- stability and onward journeys read. end_date NULL = open; team: the source's team id, else the
-- team the involvement is WITH.
CREATE TABLE involvement (
  id                text PRIMARY KEY,
  child_id          text    NOT NULL,
  kind              text    NOT NULL,
  start_date        date    NOT NULL,
  referral_source   text,
  need_codes        text[],
  short_breaks_only boolean NOT NULL,
  end_date          date,
  team              text,
  closure_reason    text
);

-- Placements of each child's periods of care that count as placements (not retired): what
-- placement stability reads. end_date NULL = open.
CREATE TABLE placement (
  child_id       text NOT NULL,
  placement_type text NOT NULL,
  start_date     date NOT NULL,
  end_date       date
);

-- (:Involvement)-[:PART_OF]->(:Involvement)
CREATE TABLE involvement_part_of (
  involvement_id text NOT NULL,
  whole_id       text NOT NULL
);

-- Contacts (not retired, with a child); received_on = date(receivedAt).
CREATE TABLE contact (
  id          text PRIMARY KEY,
  child_id    text NOT NULL,
  received_on date NOT NULL,
  source      text
);

-- (:Contact)-[:LED_TO]->(:Involvement)
CREATE TABLE contact_led_to (
  contact_id     text NOT NULL,
  involvement_id text NOT NULL
);

-- Events (not retired, with a child and a date), every kind.
CREATE TABLE event (
  id         text PRIMARY KEY,
  child_id   text NOT NULL,
  kind       text NOT NULL,
  event_date date NOT NULL
);

-- A date's period number, as the Cypher of cypher/queries/baseline/ numbers them: (year * 12 +
-- month - 1 - month_offset) / months - base.
CREATE FUNCTION bench.period_of(d date, months integer, month_offset integer, base integer)
RETURNS integer LANGUAGE sql IMMUTABLE
RETURN (extract(year FROM d)::integer * 12 + extract(month FROM d)::integer - 1 - month_offset)
       / months - base;

-- The journey steps open at some time from p_from to p_to (started on or before p_to, not ended
-- before p_from), with whether each started in the window and its first and last period, cut to
-- the window (flows.sql and trends.sql). A plain SQL function: the planner inlines it.
CREATE FUNCTION bench.open_steps(p_from date, p_to date, months integer, month_offset integer,
                                 base integer)
RETURNS TABLE (child_id text, service text, started boolean, first_period integer,
               last_period integer)
LANGUAGE sql STABLE AS $$
  SELECT child_id, service, start_date >= p_from,
         CASE WHEN start_date < p_from THEN 0
              ELSE bench.period_of(start_date, months, month_offset, base) END,
         bench.period_of(least(coalesce(end_date, p_to), p_to), months, month_offset, base)
  FROM bench.journey_step
  WHERE start_date <= p_to AND (end_date IS NULL OR end_date >= p_from)
$$;
