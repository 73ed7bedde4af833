// Linkage: records a reviewer's decision on a pending pair.
// Parameters: $id, $status ('ACCEPTED' or 'REJECTED'), $by, $reason, $mergeId (or null).
MATCH (q:LinkReview {id: $id})
SET q.status = $status, q.decidedBy = $by, q.decidedAt = datetime(), q.decisionReason = $reason,
    q.mergeId = $mergeId
RETURN q {.*} AS review
