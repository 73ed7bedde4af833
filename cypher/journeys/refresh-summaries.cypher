// Journey summaries (docs/measures.md#journey-summaries): rebuilds the summary of each child
// named, from the involvements of the records that refer to them now (retired ones left out; one
// referral, plan or period of care told by several statutory sources, i.e. one statutoryKey,
// counted once). A child with no involvement (or no longer a child: merged away, deleted) has no
// summary. Used by imports, linkage and the full rebuild, so all three give the same summary.
// Order of steps: start, then the later end first (open first: a CIN episode before the
// assessment that starts with it), then kind, then id. Open ends are stored as 9999-12-31
// (a list cannot hold null).
// Parameters: $childIds (list of Child ids).
// Example: :param childIds => ['CJ-1', 'CJ-2']
UNWIND $childIds AS childId
WITH DISTINCT childId
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
RETURN count(*) AS refreshed
