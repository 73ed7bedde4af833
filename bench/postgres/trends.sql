-- Trends, the service rows (ServiceTrendsService.trends, no need codes): per service and period,
-- the children with a step of the service open at some time in the period (started on or before
-- its last day, not ended before its first) and those with one starting in it. Before suppression.
-- Periods are numbered from 0 as in cypher/queries/baseline/trends-summaries.cypher
-- (bench.period_of in schema.sql), cut to :from and :to.
-- Parameters (substituted as literals): :from, :to (date), :months, :offset, :base (integer),
-- :services (text[]).
WITH step AS (
  SELECT child_id, service, start_date >= :from AS started,
         CASE WHEN start_date < :from THEN 0
              ELSE bench.period_of(start_date, :months, :offset, :base) END AS first_period,
         bench.period_of(least(coalesce(end_date, :to), :to), :months, :offset, :base)
           AS last_period
  FROM bench.journey_step
  WHERE start_date <= :to AND (end_date IS NULL OR end_date >= :from)
    AND service = ANY(:services)
)
SELECT service, period,
       count(DISTINCT child_id) AS open,
       count(DISTINCT child_id) FILTER (WHERE started AND period = first_period) AS started
FROM step, generate_series(first_period, last_period) AS period
GROUP BY service, period
