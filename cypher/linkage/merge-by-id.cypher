// Linkage: a merge and how many of its records still refer to the kept child through it (an
// unmerge needs all of them).
// Parameters: $mergeId. Example: :param mergeId => 'MG-...'
MATCH (m:Merge {id: $mergeId})
RETURN m {.*} AS merge,
       COUNT { (:PersonRecord)-[:REFERS_TO {mergeId: m.id}]->(:Child {id: m.keptId}) } AS stillMerged
