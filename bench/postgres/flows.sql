-- Flows (ServiceFlowsService.flows, by service): each child's state in each period, the best
-- ranked (lowest :states position) service among their steps open at some time in the period,
-- -1 for none; then per period the children moving from each state to each state in the next.
-- Only children with a state in some period count. Before suppression.
-- Periods are numbered from 0 as in cypher/queries/baseline/flows.cypher (bench.open_steps in
-- schema.sql), cut to :from and :to: :periods of them.
-- Parameters (substituted as literals): :from, :to (date), :months, :offset, :base, :periods
-- (integer), :states (text[], the services from the highest rank down).
WITH ranked AS (
  SELECT child_id, (array_position(:states, service) - 1) AS rank, first_period, last_period
  FROM bench.open_steps(:from, :to, :months, :offset, :base)
  WHERE service = ANY(:states)
), best AS (
  SELECT child_id, period, min(rank) AS rank
  FROM ranked, generate_series(first_period, last_period) AS period
  GROUP BY child_id, period
), state AS (
  SELECT c.child_id, p AS period, coalesce(b.rank, -1) AS rank
  FROM (SELECT DISTINCT child_id FROM best) AS c
  CROSS JOIN generate_series(0, :periods - 1) AS p
  LEFT JOIN best AS b ON b.child_id = c.child_id AND b.period = p
)
SELECT a.period, a.rank AS from_rank, b.rank AS to_rank, count(*) AS children
FROM state AS a
JOIN state AS b ON b.child_id = a.child_id AND b.period = a.period + 1
GROUP BY a.period, a.rank, b.rank
