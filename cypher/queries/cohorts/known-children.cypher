// Which of the given ids are children (a listed cohort), each as the child it now is: a child
// merged into another since counts as that one. Unique-index seeks on Child.id.
// Parameters: $ids. Example: :param ids => ['C00000001']
UNWIND $ids AS id
MATCH (c:Child {id: id})
RETURN id AS asked, coalesce(c.mergedInto, c.id) AS childId
