// Import: sends candidate pairs the matcher was unsure of to the review queue. The record has
// become a new person meanwhile; accepting merges that person into the candidate. Deterministic
// ids keep a re-run from queuing a pair twice.
// Parameters: $rows [{id, record, candidate, candidateRecord, score, method, reason, evidence}].
UNWIND $rows AS row
MERGE (q:LinkReview {id: row.id})
  ON CREATE SET q.recordId = row.record, q.candidateId = row.candidate,
                q.candidateRecordId = row.candidateRecord, q.score = row.score,
                q.method = row.method, q.reason = row.reason, q.evidence = row.evidence,
                q.status = 'PENDING', q.createdAt = datetime()
