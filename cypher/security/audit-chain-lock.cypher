// Audit: takes the chain head (and its write lock, held until commit, so entries are chained in
// one order however many requests write at once). Returns the last sequence number and hash.
MERGE (c:AuditChain {id: 'main'})
  ON CREATE SET c.seq = 0, c.head = 'GENESIS'
SET c.lockedAt = datetime()
RETURN c.seq AS seq, c.head AS head
