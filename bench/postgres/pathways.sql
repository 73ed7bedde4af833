-- Pathways to an outcome with lift (PathwaysService.pathways, docs/measures.md#pathways): each
-- child's first outcome (an involvement kind's first start, or an event kind's first date, on or
-- before :to); children whose first outcome was before :from left out; index date = the outcome
-- date, or for a child without it a day drawn from their time at risk (the later of :from and the
-- day after their first step, to :to) by the first 8 bytes of SHA-256 of childId|outcome|from|to;
-- the steps (universal registrations left out) starting in the 24 months before the index date,
-- consecutive repeats collapsed; every distinct run of 1-4 of them; support, outcome rate and lift
-- (with its Katz 95% interval) of the runs with support >= :minSupport, the :first by rate, then
-- support, then steps. Before suppression; the Sankey is not computed here.
-- Parameters (substituted as literals): :outcome (text), :from, :to (date), :universal (text[]),
-- :by ('KIND' or 'SERVICE'), :minSupport, :first (integer).
WITH step AS (
  SELECT child_id, seq, CASE WHEN :by = 'SERVICE' THEN service ELSE kind END AS label, start_date
  FROM bench.journey_step
  WHERE kind <> ALL (:universal)
), first_step AS (
  SELECT child_id, min(start_date) AS first_step FROM step GROUP BY child_id
), outcome AS (
  SELECT child_id, min(day) AS first_outcome
  FROM (
    SELECT child_id, start_date AS day FROM bench.journey_step
    WHERE kind = :outcome AND start_date <= :to
    UNION ALL
    SELECT child_id, event_date FROM bench.event WHERE kind = :outcome AND event_date <= :to
  ) o
  GROUP BY child_id
), indexed AS (
  SELECT f.child_id, o.first_outcome IS NOT NULL AS with_outcome,
         coalesce(o.first_outcome,
                  r.at_risk_from + mod(mod(
                    ('x' || encode(substr(sha256(convert_to(
                        f.child_id || '|' || :outcome || '|' || :from::text || '|' || :to::text,
                        'UTF8')), 1, 8), 'hex'))::bit(64)::bigint,
                    r.days) + r.days, r.days)::integer) AS index_date
  FROM first_step f
  LEFT JOIN outcome o USING (child_id)
  CROSS JOIN LATERAL (
    SELECT greatest(f.first_step + 1, :from) AS at_risk_from,
           (:to - greatest(f.first_step + 1, :from) + 1)::bigint AS days
  ) r
  WHERE (o.first_outcome IS NULL AND r.days > 0) OR o.first_outcome >= :from
), window_step AS (
  SELECT s.child_id, s.seq, s.label, i.with_outcome,
         lag(s.label) OVER (PARTITION BY s.child_id ORDER BY s.seq) AS previous
  FROM indexed i
  JOIN step s USING (child_id)
  WHERE s.start_date >= (i.index_date - interval '24 months')::date AND s.start_date < i.index_date
), collapsed AS (
  SELECT child_id, bool_or(with_outcome) AS with_outcome, array_agg(label ORDER BY seq) AS steps
  FROM window_step
  WHERE previous IS DISTINCT FROM label
  GROUP BY child_id
), population AS (
  SELECT count(*) AS n, count(*) FILTER (WHERE with_outcome) AS o FROM collapsed
), run AS (
  SELECT DISTINCT c.child_id, c.with_outcome, c.steps[i:i + len - 1] AS steps
  FROM collapsed c
  CROSS JOIN LATERAL generate_series(1, cardinality(c.steps)) AS i
  CROSS JOIN LATERAL generate_series(1, least(4, cardinality(c.steps) - i + 1)) AS len
), supported AS (
  SELECT steps, count(*) AS support, count(*) FILTER (WHERE with_outcome) AS with_outcome
  FROM run
  GROUP BY steps
  HAVING count(*) >= :minSupport
)
SELECT s.steps, s.support, s.with_outcome, p.n AS children, p.o AS children_with_outcome,
       s.with_outcome::float8 / s.support AS outcome_rate,
       (s.with_outcome::float8 / s.support) / nullif(p.o::float8 / nullif(p.n, 0), 0) AS lift,
       CASE WHEN s.with_outcome > 0 AND p.o > 0
         THEN (s.with_outcome::float8 / s.support) / (p.o::float8 / p.n)
              * exp(-1.959963984540054 * sqrt(1.0 / s.with_outcome - 1.0 / s.support + 1.0 / p.o - 1.0 / p.n))
       END AS lift_low,
       CASE WHEN s.with_outcome > 0 AND p.o > 0
         THEN (s.with_outcome::float8 / s.support) / (p.o::float8 / p.n)
              * exp(1.959963984540054 * sqrt(1.0 / s.with_outcome - 1.0 / s.support + 1.0 / p.o - 1.0 / p.n))
       END AS lift_high
FROM population p
LEFT JOIN supported s ON true -- one row with no steps when no pathway is supported: the population
ORDER BY outcome_rate DESC NULLS LAST, s.support DESC, array_to_string(s.steps, '>') COLLATE "C"
LIMIT :first
