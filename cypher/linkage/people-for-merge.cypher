// Linkage: what a merge must check about two people: that both are children, whether either is
// adopted, restricted or already merged into someone, and how many records each has.
// Parameters: $ids [person id]. Example: :param ids => ['CJ-1', 'CJ-2']
UNWIND $ids AS id
OPTIONAL MATCH (c:Child {id: id})
RETURN id, c IS NOT NULL AS found, coalesce(c.adopted, false) AS adopted,
       coalesce(c.restricted, false) AS restricted, c.mergedInto AS mergedInto,
       COUNT { (c)<-[:REFERS_TO]-(:PersonRecord) } AS records,
       COUNT { (c)<-[:REFERS_TO]-(r:PersonRecord) WHERE coalesce(r.adopted, false) OR coalesce(r.restricted, false) } AS protectedRecords
