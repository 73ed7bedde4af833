-- Onward journeys (cypher/queries/journeys/onward-journeys.cypher, OnwardJourneysService): the
-- involvements of :kind that closed from :from to :to, by team and closure reason, and for the
-- windows of 3, 6, 12 and 24 months after each closure: how many closures were followed up for the
-- whole window (it ends on or before :asAt) and of those how many went on to a referral, early
-- help, a child protection plan, care, custody, NEET or not known, a suspension or exclusion, or
-- nothing at all (no involvement, event or contact). Later involvements that are part of the closed
-- one do not count. Before suppression.
-- Parameters (substituted as literals): :kind (text), :from, :to, :asAt (date).
WITH closure AS (
  SELECT i.id, i.child_id, i.end_date AS closed, coalesce(i.team, 'NOT_RECORDED') AS team,
         coalesce(i.closure_reason, 'NOT_RECORDED') AS reason
  FROM bench.involvement AS i
  WHERE i.kind = :kind AND i.start_date <= :to AND i.end_date >= :from AND i.end_date <= :to
), followed AS (
  SELECT c.team, c.reason, c.closed, n.referral, n.early_help, n.cp_plan, n.care, n.custody,
         n.neet, e.exclusion, least(n.any_involvement, e.any_event, k.any_contact) AS anything
  FROM closure AS c
  CROSS JOIN LATERAL (
    SELECT min(n.start_date) AS any_involvement,
           min(n.start_date) FILTER (WHERE n.kind = 'CIN_EPISODE') AS referral,
           min(n.start_date) FILTER (WHERE n.kind IN ('EARLY_HELP_ASSESSMENT', 'EARLY_HELP_PLAN'))
             AS early_help,
           min(n.start_date) FILTER (WHERE n.kind = 'CP_PLAN') AS cp_plan,
           min(n.start_date) FILTER (WHERE n.kind = 'LAC_EPISODE') AS care,
           min(n.start_date) FILTER (WHERE n.kind = 'YOT_CUSTODY') AS custody,
           min(n.start_date) FILTER (WHERE n.kind = 'NEET_OR_NOT_KNOWN') AS neet
    FROM bench.involvement AS n
    WHERE n.child_id = c.child_id AND n.id <> c.id AND n.start_date > c.closed
      AND NOT EXISTS (SELECT 1 FROM bench.involvement_part_of AS p
                      WHERE p.involvement_id = n.id AND p.whole_id = c.id)
  ) AS n
  CROSS JOIN LATERAL (
    SELECT min(e.event_date) AS any_event,
           min(e.event_date) FILTER (WHERE e.kind IN ('SUSPENSION', 'PERMANENT_EXCLUSION'))
             AS exclusion
    FROM bench.event AS e
    WHERE e.child_id = c.child_id AND e.event_date > c.closed
  ) AS e
  CROSS JOIN LATERAL (
    SELECT min(k.received_on) AS any_contact
    FROM bench.contact AS k
    WHERE k.child_id = c.child_id AND k.received_on > c.closed
  ) AS k
), windowed AS (
  SELECT f.*, w.months, (f.closed + make_interval(months => w.months))::date AS window_end,
         (f.closed + make_interval(months => w.months))::date <= :asAt AS complete
  FROM followed AS f
  CROSS JOIN (VALUES (3), (6), (12), (24)) AS w (months)
)
SELECT team, reason, months,
       count(*) AS closures,
       count(*) FILTER (WHERE complete) AS followed_up,
       count(*) FILTER (WHERE complete AND referral <= window_end) AS referral,
       count(*) FILTER (WHERE complete AND early_help <= window_end) AS early_help,
       count(*) FILTER (WHERE complete AND cp_plan <= window_end) AS child_protection_plan,
       count(*) FILTER (WHERE complete AND care <= window_end) AS care,
       count(*) FILTER (WHERE complete AND custody <= window_end) AS custody,
       count(*) FILTER (WHERE complete AND neet <= window_end) AS neet,
       count(*) FILTER (WHERE complete AND exclusion <= window_end) AS exclusion,
       count(*) FILTER (WHERE complete AND (anything IS NULL OR anything > window_end))
         AS no_further_contact
FROM windowed
GROUP BY team, reason, months
ORDER BY team, reason, months
