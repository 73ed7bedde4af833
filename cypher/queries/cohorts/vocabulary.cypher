// The coded-needs vocabulary a cohort's need filters are checked against (Need nodes, migration
// V005): CIN factors (needCodes) and primary need codes (primaryNeed).
// Parameters: none. Example: (none)
MATCH (n:Need)
WHERE n.scheme IN ['CIN_FACTOR', 'PRIMARY_NEED']
RETURN n.scheme AS scheme, n.code AS code
ORDER BY scheme, code
