-- Front-door guidance for one profile (FrontDoorGuidanceService.guidance, docs/measures.md
-- #front-door-guidance; the SQL twin of cypher/queries/guidance/front-door-guidance.cypher plus
-- the service's matching): the presentations from :from to :to (a contact, or a referral with no
-- contact about the child that day) whose :months window ends by :asAt; for each, the child's age
-- band, the referral source, the need codes of assessments on or before the day, the targeted
-- involvement kinds before the day, and what followed within the window; each child once, at their
-- earliest presentation matching the profile; the children and how many had each outcome.
-- Before suppression. The profile's criteria are those the Neo4j answer used (after any widening).
-- Parameters (substituted as literals): :from, :to, :asAt (date), :months (integer), :kinds
-- (text[], FollowUpOutcomes.PRIOR_KINDS), :ageBand, :referralSource (text, NULL = not given),
-- :needCodes, :prior (text[]; '{}' = not given, '{NONE}' = none of the targeted kinds before).
-- fact is inlined where used (NOT MATERIALIZED), so the planner sees the tables' statistics: a
-- materialised CTE has none, and its estimate of 1 presentation led to a nested loop over all facts.
WITH fact AS NOT MATERIALIZED (
  SELECT k.child_id, 'CONTACT' AS kind, k.received_on AS day, k.id, k.source,
         coalesce(l.links, '{}') AS links, NULL::text[] AS need_codes
  FROM bench.contact k
  LEFT JOIN (
    SELECT contact_id, array_agg(involvement_id) AS links FROM bench.contact_led_to GROUP BY contact_id
  ) l ON l.contact_id = k.id
  WHERE k.received_on >= :from
    AND k.received_on < (:to + make_interval(months => :months, days => 2))::date
  UNION ALL
  SELECT i.child_id, i.kind, i.start_date, i.id, i.referral_source, coalesce(w.links, '{}'),
         i.need_codes
  FROM bench.involvement i
  LEFT JOIN (
    SELECT involvement_id, array_agg(whole_id) AS links FROM bench.involvement_part_of
    GROUP BY involvement_id
  ) w ON w.involvement_id = i.id
  WHERE i.kind = ANY (:kinds)
    AND i.start_date <= (:to + make_interval(months => :months))::date
    AND NOT i.short_breaks_only
  UNION ALL
  SELECT e.child_id, e.kind, e.event_date, e.id, NULL, '{}', NULL
  FROM bench.event e
  WHERE e.kind = 'PERMANENT_EXCLUSION'
    AND e.event_date >= :from AND e.event_date <= (:to + make_interval(months => :months))::date
), presentation AS (
  SELECT p.*, (p.day + make_interval(months => :months))::date AS window_end,
         CASE WHEN p.kind = 'CONTACT' THEN p.links ELSE ARRAY[p.id] END AS own
  FROM fact p
  WHERE p.day >= :from AND p.day <= :to
    AND (p.day + make_interval(months => :months))::date <= :asAt
    AND (p.kind = 'CONTACT'
         OR (p.kind = 'CIN_EPISODE'
             AND NOT EXISTS (SELECT 1 FROM fact k
                             WHERE k.child_id = p.child_id AND k.kind = 'CONTACT' AND k.day = p.day)))
), described AS (
  SELECT p.child_id, p.day, p.id, p.kind, p.source,
         string_to_array(string_agg(array_to_string(f.need_codes, ','), ',')
                           FILTER (WHERE f.kind = 'ASSESSMENT' AND f.day <= p.day), ',') AS need_codes,
         array_agg(DISTINCT f.kind)
           FILTER (WHERE f.kind NOT IN ('CONTACT', 'PERMANENT_EXCLUSION') AND f.day < p.day) AS prior_kinds,
         bool_or(f.kind = 'CIN_EPISODE' AND f.day > p.day AND further) AS re_referral,
         bool_or(f.kind = 'CP_PLAN' AND within) AS child_protection_plan,
         bool_or(f.kind = 'LAC_EPISODE' AND within) AS care,
         bool_or(f.kind = 'YOT_CUSTODY' AND within) AS custody,
         bool_or(f.kind = 'NEET_OR_NOT_KNOWN' AND within) AS neet,
         bool_or(f.kind = 'PERMANENT_EXCLUSION' AND within) AS permanent_exclusion,
         NOT coalesce(bool_or(within AND (f.kind = 'PERMANENT_EXCLUSION'
                                          OR (f.kind = 'CONTACT' AND f.day > p.day))), false)
           AND NOT coalesce(bool_or(further), false) AS no_further_involvement
  FROM presentation p
  JOIN fact f ON f.child_id = p.child_id
  CROSS JOIN LATERAL (
    SELECT f.day >= p.day AND f.day <= p.window_end AND f.id <> p.id AS within
  ) w
  CROSS JOIN LATERAL (
    SELECT w.within AND f.kind NOT IN ('CONTACT', 'PERMANENT_EXCLUSION')
           AND NOT f.id = ANY (p.own) AND NOT f.links && p.own AS further
  ) x
  GROUP BY p.child_id, p.day, p.id, p.kind, p.source
), banded AS (
  SELECT d.*,
         CASE WHEN c.birth_date IS NULL THEN 'UNKNOWN'
              WHEN d.day < c.birth_date THEN 'UNBORN'
              WHEN extract(year FROM age(d.day, c.birth_date)) < 1 THEN 'UNDER_1'
              WHEN extract(year FROM age(d.day, c.birth_date)) <= 4 THEN '1_TO_4'
              WHEN extract(year FROM age(d.day, c.birth_date)) <= 9 THEN '5_TO_9'
              WHEN extract(year FROM age(d.day, c.birth_date)) <= 15 THEN '10_TO_15'
              ELSE '16_AND_OVER' END AS age_band
  FROM described d
  LEFT JOIN bench.child c ON c.id = d.child_id
), matched AS (
  SELECT DISTINCT ON (child_id) *
  FROM banded
  WHERE (:ageBand::text IS NULL OR age_band = :ageBand)
    AND (:referralSource::text IS NULL OR source = :referralSource)
    AND coalesce(need_codes, '{}') @> :needCodes
    AND CASE WHEN :prior = '{NONE}'::text[] THEN prior_kinds IS NULL
             ELSE coalesce(prior_kinds, '{}') @> :prior END
  ORDER BY child_id, day, kind <> 'CONTACT', id
)
SELECT count(*) AS children,
       count(*) FILTER (WHERE re_referral) AS re_referral,
       count(*) FILTER (WHERE child_protection_plan) AS child_protection_plan,
       count(*) FILTER (WHERE care) AS care,
       count(*) FILTER (WHERE custody) AS custody,
       count(*) FILTER (WHERE neet) AS neet,
       count(*) FILTER (WHERE permanent_exclusion) AS permanent_exclusion,
       count(*) FILTER (WHERE no_further_involvement) AS no_further_involvement
FROM matched
