// Import jobs and their per-record rejection reports. A rejection belongs to one job and is read
// by job, in order; it is not linked to the job node (a large file's rejections would make the
// job a dense node for no benefit).
CREATE CONSTRAINT import_rejection_key IF NOT EXISTS FOR (n:ImportRejection) REQUIRE (n.jobId, n.seq) IS UNIQUE;
CREATE INDEX import_job_submitted IF NOT EXISTS FOR (n:ImportJob) ON (n.submittedAt);
