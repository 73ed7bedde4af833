// The authority this database holds: its dataset marker and how many children it knows.
// No parameters.
OPTIONAL MATCH (d:Dataset {id: 'main'})
CALL () { MATCH (c:Child) RETURN count(c) AS children }
RETURN d.name AS name, d.kind AS dataset, d.status AS status, d.referenceDate AS referenceDate,
       children
