// Import jobs: one job by id. Parameters: $id.
MATCH (j:ImportJob {id: $id})
RETURN j
