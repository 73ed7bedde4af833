// Repeat missing episodes: children with at least $minEpisodes missing or away episodes in the
// period (Event kinds MISSING_EPISODE from social care records, MISSING and AWAY from SSDA903),
// an episode being a day (the same episode reported by two sources on one day counts once), with
// the first and last dates, the kinds reported, and whether the child was in care on the last one.
// Parameters: $from, $to (dates, inclusive), $minEpisodes (integer, e.g. 3).
// Starts from: the Event(kind, date) range index, one seek per kind, then each event's record and
// child (two hops).
// Example (Browser or cypher-shell):
// :param from => date('2016-04-01')
// :param to => date('2026-03-31')
// :param minEpisodes => 3
// test: minEpisodes from MATCH (e:Event) WHERE e.kind IN ['MISSING_EPISODE', 'MISSING', 'AWAY'] WITH e.childId AS child, count(DISTINCT e.date) AS days RETURN max(days)
UNWIND ['MISSING_EPISODE', 'MISSING', 'AWAY'] AS kind
MATCH (e:Event)
WHERE e.kind = kind AND e.date >= $from AND e.date <= $to AND e.retiredAt IS NULL
MATCH (e)<-[:EXPERIENCED]-(:PersonRecord)-[:REFERS_TO]->(c:Child)
WITH c, e ORDER BY e.date
WITH c, collect(DISTINCT e.date) AS days, collect(DISTINCT e.kind) AS kinds
WHERE size(days) >= $minEpisodes
WITH c, days, kinds, days[-1] AS last
RETURN c.pseudonym AS pseudonym, c.id AS childId, size(days) AS episodes, days[0] AS first, last,
       kinds,
       EXISTS {
         (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(lac:Involvement)
         WHERE lac.kind = 'LAC_EPISODE' AND lac.retiredAt IS NULL AND lac.start <= last
           AND (lac.end IS NULL OR lac.end > last)
       } AS inCareOnLast
ORDER BY episodes DESC, pseudonym, childId
