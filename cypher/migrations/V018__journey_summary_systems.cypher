// Journey summaries gain `systems`, each step's source system (docs/measures.md#journey-summaries),
// so an aggregate counts only the steps of the reader's authority's systems (docs/measures.md,
// "Aggregates of several authorities"). Summaries written before have none: this rebuilds them with
// the per-child body of cypher/journeys/refresh-summaries.cypher (as it is when this migration was
// written), in batches of 1000 children. A new store has no summaries yet: nothing to do.
CALL () {
  MATCH (s:JourneySummary)
  WHERE s.systems IS NULL
  RETURN s.childId AS childId
}
CALL (childId) {
  CALL (childId) {
    OPTIONAL MATCH (c:Child {id: childId})<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(i:Involvement)
    WHERE i.retiredAt IS NULL AND i.start IS NOT NULL AND i.kind IS NOT NULL
    WITH DISTINCT i
    WITH coalesce(i.statutoryKey, i.id) AS key, i ORDER BY i.id
    WITH key, head(collect(i)) AS i
    WITH i ORDER BY i.start, coalesce(i.end, date('9999-12-31')) DESC, i.kind, i.id
    RETURN [x IN collect(i) WHERE x IS NOT NULL] AS steps
  }
  CALL (childId, steps) {
    WITH childId, steps WHERE size(steps) = 0
    OPTIONAL MATCH (s:JourneySummary {childId: childId})
    DETACH DELETE s
  }
  CALL (childId, steps) {
    WITH childId, steps WHERE size(steps) > 0
    MERGE (s:JourneySummary {childId: childId})
    SET s.kinds = [x IN steps | x.kind],
        s.services = [x IN steps | coalesce(x.service, 'NOT_RECORDED')],
        s.starts = [x IN steps | x.start],
        s.ends = [x IN steps | coalesce(x.end, date('9999-12-31'))],
        s.systems = [x IN steps | coalesce(x.sourceSystem, '')],
        s.servicesEver = reduce(ever = [], x IN steps |
          CASE WHEN coalesce(x.service, 'NOT_RECORDED') IN ever THEN ever
          ELSE ever + coalesce(x.service, 'NOT_RECORDED') END),
        s.firstStart = steps[0].start,
        s.steps = size(steps)
  }
} IN TRANSACTIONS OF 1000 ROWS;
