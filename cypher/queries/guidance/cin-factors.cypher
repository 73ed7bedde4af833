// The CIN assessment factor codes of the needs vocabulary (migration V005), to check the need
// codes a front-door guidance profile names.
// Parameters: none. Example: run as-is.
MATCH (n:Need {scheme: 'CIN_FACTOR'})
RETURN n.code AS code ORDER BY code
