// Import jobs: the latest jobs, newest first. Parameters: $limit.
MATCH (j:ImportJob) WHERE j.submittedAt IS NOT NULL
RETURN j ORDER BY j.submittedAt DESC LIMIT $limit
