-- Trends, the service rows (ServiceTrendsService.trends, no need codes): per service and period,
-- the children with a step of the service open at some time in the period (started on or before
-- its last day, not ended before its first) and those with one starting in it. Before suppression.
-- Periods are numbered from 0 as in cypher/queries/baseline/trends-summaries.cypher: a date's
-- period is (year * 12 + month - 1 - :offset) / :months - :base, cut to :from and :to.
-- Parameters (substituted as literals): :from, :to (date), :months, :offset, :base (integer),
-- :services (text[]).
WITH step AS (
  SELECT child_id, service, start_date >= :from AS started,
         CASE WHEN start_date < :from THEN 0
              ELSE (extract(year FROM start_date)::int * 12 + extract(month FROM start_date)::int
                    - 1 - :offset) / :months - :base END AS first_period,
         (extract(year FROM least(coalesce(end_date, :to), :to))::int * 12
          + extract(month FROM least(coalesce(end_date, :to), :to))::int - 1 - :offset)
           / :months - :base AS last_period
  FROM bench.journey_step
  WHERE start_date <= :to AND (end_date IS NULL OR end_date >= :from)
    AND service = ANY(:services)
)
SELECT service, period,
       count(DISTINCT child_id) AS open,
       count(DISTINCT child_id) FILTER (WHERE started AND period = first_period) AS started
FROM step, generate_series(first_period, last_period) AS period
GROUP BY service, period
