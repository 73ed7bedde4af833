// Audit: appends entries (already hashed, in order) and moves the chain head.
// Parameters: $entries [{seq, at, actor, role, team, purpose, action, childId, what, allowed,
// found, requestId, prevHash, hash}], $seq, $head.
MATCH (c:AuditChain {id: 'main'})
SET c.seq = $seq, c.head = $head
WITH c
UNWIND $entries AS e
CREATE (a:AuditEntry)
SET a = e
