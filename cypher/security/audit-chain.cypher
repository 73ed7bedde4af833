// Audit: the whole chain in order, to verify it (an auditor's check, not a hot path).
MATCH (a:AuditEntry)
RETURN a ORDER BY a.seq
