-- Trends, the service rows (ServiceTrendsService.trends, no need codes): per service and period,
-- the children with a step of the service open at some time in the period (started on or before
-- its last day, not ended before its first) and those with one starting in it. Before suppression.
-- Periods are numbered from 0 as in cypher/queries/baseline/trends-summaries.cypher
-- (bench.open_steps in schema.sql), cut to :from and :to.
-- Parameters (substituted as literals): :from, :to (date), :months, :offset, :base (integer),
-- :services (text[]).
WITH step AS (
  SELECT child_id, service, started, first_period, last_period
  FROM bench.open_steps(:from, :to, :months, :offset, :base)
  WHERE service = ANY(:services)
)
SELECT service, period,
       count(DISTINCT child_id) AS open,
       count(DISTINCT child_id) FILTER (WHERE started AND period = first_period) AS started
FROM step, generate_series(first_period, last_period) AS period
GROUP BY service, period
