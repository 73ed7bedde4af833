// Children with repeat referrals: children with at least $minReferrals referrals (CIN_EPISODE
// involvements, counted by their start date so that one referral reported by the CIN census and
// Annex A counts once) within any $months months, among referrals starting in [$from, $to].
// Returns the most referrals in one window, all referral dates in the period and the first date of
// the busiest window.
// Parameters: $from, $to (dates, inclusive), $minReferrals (integer, e.g. 3), $months (integer,
// e.g. 12).
// Starts from: the Involvement(kind, start) range index, then each referral's record and child.
// Example (Browser or cypher-shell):
// :param from => date('2016-04-01')
// :param to => date('2026-03-31')
// :param minReferrals => 3
// :param months => 12
MATCH (i:Involvement)
WHERE i.kind = 'CIN_EPISODE' AND i.start >= $from AND i.start <= $to AND i.retiredAt IS NULL
MATCH (i)<-[:HAD]-(:PersonRecord)-[:REFERS_TO]->(c:Child)
WITH c, i.start AS start ORDER BY start
WITH c, collect(DISTINCT start) AS starts
UNWIND starts AS windowStart
WITH c, starts, windowStart,
     size([s IN starts WHERE s >= windowStart AND s < windowStart + duration({months: $months})])
       AS inWindow
ORDER BY inWindow DESC, windowStart
WITH c, starts, head(collect({windowStart: windowStart, inWindow: inWindow})) AS busiest
WHERE busiest.inWindow >= $minReferrals
RETURN c.pseudonym AS pseudonym, c.id AS childId, busiest.inWindow AS referralsInWindow,
       busiest.windowStart AS windowStart, size(starts) AS referralsInPeriod, starts AS referralDates
ORDER BY referralsInWindow DESC, referralsInPeriod DESC, pseudonym, childId
