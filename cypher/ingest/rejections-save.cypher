// Import jobs: a batch of rejected records. Parameters: $job, $rows [{seq, file, location, field, value, reason}].
UNWIND $rows AS row
MERGE (r:ImportRejection {jobId: $job, seq: row.seq})
SET r += row
