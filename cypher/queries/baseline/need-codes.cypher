// Baseline and trends: the need codes there are (CIN factors and primary needs), to check
// arguments against. Parameters: none. Example: (none)
MATCH (n:Need)
WHERE n.scheme IN ['CIN_FACTOR', 'PRIMARY_NEED']
RETURN DISTINCT n.code AS code
ORDER BY code
