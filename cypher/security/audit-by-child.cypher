// Audit: who accessed this child's record, newest first. Parameters: $childId, $limit.
MATCH (a:AuditEntry {childId: $childId})
RETURN a ORDER BY a.at DESC, a.seq DESC LIMIT $limit
