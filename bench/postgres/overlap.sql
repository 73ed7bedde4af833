-- Overlap of services (ServiceOverlapService.overlap, no cohort, all nine services): the children
-- with an involvement active from :from to :to (started on or before :to, not ended before :from),
-- each child's exact combination of the services (UpSet), then each service's and each pair's
-- children as the sums of the combinations holding them, and the cohort total. Before suppression.
-- Parameters (substituted as literals): :from, :to (date), :services (text[], bit i = services[i+1]).
WITH combination AS (
  SELECT child_id,
         bit_or(coalesce(1 << (array_position(:services, service) - 1), 0)) AS bits
  FROM bench.journey_step
  WHERE start_date <= :to AND (end_date IS NULL OR end_date >= :from)
  GROUP BY child_id
), counted AS (
  SELECT bits, count(*) AS children FROM combination GROUP BY bits
), named AS (
  SELECT bits, children,
         ARRAY(SELECT s FROM unnest(:services) WITH ORDINALITY AS u(s, i)
               WHERE bits & (1 << (i::int - 1)) <> 0 ORDER BY i) AS services
  FROM counted
)
SELECT 'combination' AS what, services, children FROM named
UNION ALL
SELECT 'service', ARRAY[s], sum(children)
FROM unnest(:services) AS s JOIN named ON s = ANY(named.services) GROUP BY s
UNION ALL
SELECT 'pair', ARRAY[a, b], sum(children)
FROM unnest(:services) WITH ORDINALITY AS x(a, i)
JOIN unnest(:services) WITH ORDINALITY AS y(b, j) ON i < j
JOIN named ON a = ANY(named.services) AND b = ANY(named.services)
GROUP BY a, b
UNION ALL
SELECT 'total', ARRAY[]::text[], sum(children) FROM named
