// Audit: entries for an export, oldest first, optionally for one child or one user and a period.
// Parameters: $childId, $actor (either may be null), $from, $to (datetimes), $limit.
MATCH (a:AuditEntry)
WHERE ($childId IS NULL OR a.childId = $childId) AND ($actor IS NULL OR a.actor = $actor)
  AND a.at >= $from AND a.at < $to
RETURN a ORDER BY a.seq LIMIT $limit
