// Import jobs: forgets a job's rejections before it runs again (they are found again).
// Parameters: $job.
MATCH (r:ImportRejection {jobId: $job})
CALL (r) { DETACH DELETE r } IN TRANSACTIONS OF 10000 ROWS
