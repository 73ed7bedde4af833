// Whether a professional is or was allocated to one of this child's involvements.
// Parameters: $childId, $professionalId.
MATCH (c:Child {id: $childId})<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(:Involvement)<-[:ALLOCATED]-(p:Professional {id: $professionalId})
RETURN p.name AS name
LIMIT 1
