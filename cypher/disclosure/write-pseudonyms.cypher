// Stores each child's keyed pseudonym as Child.pseudonym, so tools reading the graph directly
// (Bloom with the childjourneys_analyst role, which cannot read ids or names) can tell children
// apart. The service computes the pseudonyms: the key never reaches the database.
// Parameters: $rows [{id, pseudonym}] (one batch, e.g. 10000).
UNWIND $rows AS row
MATCH (c:Child {id: row.id})
SET c.pseudonym = row.pseudonym
