// Linkage: the merges a child took part in, kept or absorbed, newest first.
// Parameters: $personId. Example: :param personId => 'CJ-1'
CALL {
  MATCH (m:Merge {keptId: $personId}) RETURN m
  UNION
  MATCH (m:Merge {absorbedId: $personId}) RETURN m
}
RETURN m {.*} AS merge ORDER BY m.at DESC
