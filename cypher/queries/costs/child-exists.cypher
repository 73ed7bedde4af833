// Whether a child exists, to tell a refused read from a missing child in the audit trail.
// Parameters: $id. Example: :param id => 'C00000001'
OPTIONAL MATCH (c:Child {id: $id})
RETURN c IS NOT NULL AS exists
