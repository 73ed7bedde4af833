// The names and birth dates of the given children, for lists shown to a reader allowed each.
// Parameters: $ids. Example: :param ids => ['C00000001']
MATCH (c:Child) WHERE c.id IN $ids
RETURN c.id AS id, c.givenName AS givenName, c.familyName AS familyName, c.birthDate AS birthDate
