// Audit: what this user accessed, newest first. Parameters: $actor, $limit.
MATCH (a:AuditEntry {actor: $actor})
RETURN a ORDER BY a.at DESC, a.seq DESC LIMIT $limit
