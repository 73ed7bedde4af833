// Cohort: the children with an involvement in one service open on a date, for the pseudonymised
// cohort query. The ids never leave the service: it replaces each with its keyed pseudonym, sorts
// by pseudonym and reads the details of one page (cohort-details.cypher).
// Parameters: $service (Service.code, e.g. 'SOCIAL_CARE'), $openOn (Date, or null for the
// dataset's reference date, or today when the database has none), $systems (the source systems
// whose involvements count: those the reader's authority owns; null: all; docs/security.md).
// Open on D: start <= D and (end is null or end > D). Range seek on the Involvement(service, start)
// index, then a filter on end; grouped by the denormalised childId, never expanding a child.
OPTIONAL MATCH (d:Dataset {id: 'main'})
WITH coalesce($openOn, d.referenceDate, date()) AS openOn
OPTIONAL MATCH (i:Involvement)
  WHERE i.service = $service AND i.start <= openOn
    AND (i.end IS NULL OR i.end > openOn) AND i.retiredAt IS NULL AND i.childId IS NOT NULL
    AND ($systems IS NULL OR i.sourceSystem IN $systems)
RETURN openOn, collect(DISTINCT i.childId) AS childIds
