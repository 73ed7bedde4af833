-- Placement stability, the DfE measure (cypher/queries/measures/placement-stability.cypher): the
-- children looked after on :to (a period of care started on or before it and not ended by it,
-- short breaks only left out), and of them those with 3 or more placements (distinct type and
-- start) open at some time from :from to :to. Before suppression.
-- Parameters (substituted as literals): :from, :to (date).
WITH looked_after AS (
  SELECT DISTINCT child_id
  FROM bench.involvement
  WHERE kind = 'LAC_EPISODE' AND start_date <= :to AND (end_date IS NULL OR end_date > :to)
    AND NOT short_breaks_only
), placements AS (
  SELECT l.child_id, count(DISTINCT (p.placement_type, p.start_date)) AS placements
  FROM looked_after AS l
  JOIN bench.placement AS p ON p.child_id = l.child_id
  WHERE p.start_date <= :to AND (p.end_date IS NULL OR p.end_date >= :from)
  GROUP BY l.child_id
)
SELECT (SELECT count(*) FROM looked_after) AS denominator,
       (SELECT count(*) FROM placements WHERE placements >= 3) AS numerator
