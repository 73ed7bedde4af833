// Import jobs: jobs queued or running when the service last stopped, oldest first (they resume).
MATCH (j:ImportJob) WHERE j.status IN ['QUEUED', 'RUNNING']
RETURN j ORDER BY j.submittedAt
