// Audit: appends entries (already hashed, in order) after the head the writer last saw, in one
// statement. The chain head's write lock is taken first (SET), then the head is checked: if
// another writer (another instance of the service) moved it meanwhile, nothing is written and the
// writer reloads the head and tries again, so the chain keeps one order.
// Parameters: $expectedSeq, $expectedHead, $entries [{seq, at, actor, ...}], $seq, $head.
MATCH (c:AuditChain {id: 'main'})
SET c.lockedAt = datetime()
WITH c
WHERE c.seq = $expectedSeq AND c.head = $expectedHead
SET c.seq = $seq, c.head = $head
WITH c
UNWIND $entries AS e
CREATE (a:AuditEntry)
SET a = e
RETURN count(a) AS written
