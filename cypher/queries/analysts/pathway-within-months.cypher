// Children with a pathway X -> Y within N months: children with an involvement of kind $fromKind
// starting in the period [$from, $to] that was followed by an involvement of kind $toKind starting
// on or after it and at most $months months later (a different involvement). One row per child:
// the earliest such first step, the first following step after it, and the days between.
// Kinds are Involvement.kind values (docs/model.md), e.g. EARLY_HELP_PLAN, CIN_EPISODE, CP_PLAN,
// LAC_EPISODE, YOT_COURT_ORDER.
// Parameters: $fromKind, $toKind (Involvement kinds), $months (integer), $from, $to (dates: when
// the first step started, inclusive).
// Starts from: the Involvement(kind, start) range index for the first step, then each first
// step's record and child and the child's own involvements (two hops each).
// Example (Browser or cypher-shell):
// :param fromKind => 'EARLY_HELP_ASSESSMENT'
// :param toKind => 'CIN_EPISODE'
// :param months => 12
// :param from => date('2020-04-01')
// :param to => date('2026-03-31')
MATCH (x:Involvement)
WHERE x.kind = $fromKind AND x.start >= $from AND x.start <= $to AND x.retiredAt IS NULL
MATCH (x)<-[:HAD]-(:PersonRecord)-[:REFERS_TO]->(c:Child)
CALL (c, x) {
  MATCH (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(y:Involvement)
  WHERE y.kind = $toKind AND y.start >= x.start AND y.start <= x.start + duration({months: $months})
    AND y.retiredAt IS NULL AND y <> x
  RETURN min(y.start) AS next
}
WITH c, x.start AS firstStep, next WHERE next IS NOT NULL
WITH c, firstStep, next ORDER BY firstStep
WITH c, head(collect({firstStep: firstStep, next: next})) AS pathway
RETURN c.pseudonym AS pseudonym, c.id AS childId, pathway.firstStep AS fromStart,
       pathway.next AS toStart, duration.inDays(pathway.firstStep, pathway.next).days AS daysBetween
ORDER BY fromStart, pseudonym, childId
