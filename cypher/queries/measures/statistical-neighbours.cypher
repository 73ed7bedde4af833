// Statistical neighbours (docs/measures.md#statistical-neighbours): this LA's ranked neighbours,
// and for each measure code the published value for the year of the LA itself, each neighbour and
// England. Every lookup is by key: the LA by its ONS code (local_authority_code), the values by
// <laCode>|<measure code>|<year> (la_indicator_key). A value not imported has found = false; one
// DfE withheld has found = true, value null and suppressed = true.
// Parameters: $la (the LA's ONS code), $codes (measure codes), $year (year ending 31 March),
// $england (E92000001).
// Example: :param la => 'E06000001'; :param codes => ['RE_REFERRALS_12_MONTHS'];
//          :param year => 2026; :param england => 'E92000001'
OPTIONAL MATCH (la:LocalAuthority {code: $la})
CALL (la) {
  OPTIONAL MATCH (la)-[r:STATISTICAL_NEIGHBOUR]->(n:LocalAuthority)
  WITH r, n ORDER BY r.rank
  RETURN collect(CASE WHEN n IS NOT NULL THEN {code: n.code, name: n.name, rank: r.rank} END)
         AS neighbours
}
UNWIND $codes AS code
CALL (code, neighbours) {
  UNWIND [$la, $england] + [x IN neighbours | x.code] AS laCode
  OPTIONAL MATCH (i:LaIndicator {key: laCode + '|' + code + '|' + toString($year)})
  RETURN collect({laCode: laCode, found: i IS NOT NULL, value: i.value,
                  suppressed: coalesce(i.suppressed, false)}) AS values
}
RETURN la.name AS laName, neighbours, code, values
