// Import jobs: creates or updates a job's state, progress and counts. Parameters: $id, $props.
MERGE (j:ImportJob {id: $id})
SET j += $props
