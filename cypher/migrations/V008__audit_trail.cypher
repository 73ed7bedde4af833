// Audit trail: one AuditEntry per access to a child's record, hash-chained in order (seq) from
// the AuditChain head; auditors ask "who accessed this child" and "what did this user access".
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT audit_chain_id IF NOT EXISTS FOR (n:AuditChain) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_entry_child IF NOT EXISTS FOR (n:AuditEntry) ON (n.childId, n.at);
CREATE INDEX audit_entry_actor IF NOT EXISTS FOR (n:AuditEntry) ON (n.actor, n.at);
