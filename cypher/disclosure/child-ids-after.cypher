// Child ids in id order, one batch at a time, for writing stored pseudonyms.
// Parameters: $after (the last id of the previous batch; '' for the first), $batch (e.g. 10000).
// Range seek on the unique Child.id index, which also gives the order (no sort).
MATCH (c:Child)
WHERE c.id > $after
RETURN c.id AS id
ORDER BY c.id
LIMIT $batch
