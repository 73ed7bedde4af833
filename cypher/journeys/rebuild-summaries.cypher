// Journey summaries (docs/measures.md#journey-summaries): rebuilds every child's summary from
// scratch, in batches of 1000 children, each its own transaction (run it in an auto-commit
// transaction: in Browser with :auto). The per-child body is the one of refresh-summaries.cypher
// (keep them in step; JourneySummariesTest checks both give the same graph). Summaries of ids that
// are no longer children with involvements are deleted.
// Used by the synthetic authority build and by the rebuildJourneySummaries mutation (admins).
// Parameters: none.
// Example: :auto followed by this file
CALL () {
  MATCH (c:Child) WHERE c.mergedInto IS NULL
  RETURN c.id AS childId
  UNION
  MATCH (s:JourneySummary)
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
} IN TRANSACTIONS OF 1000 ROWS
RETURN count(*) AS refreshed
