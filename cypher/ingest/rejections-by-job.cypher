// Import jobs: a job's rejection report in file order. Parameters: $job, $skip, $limit.
MATCH (r:ImportRejection {jobId: $job})
RETURN r.seq AS seq, r.file AS file, r.location AS location, r.field AS field, r.value AS value,
       r.reason AS reason
ORDER BY r.seq SKIP $skip LIMIT $limit
