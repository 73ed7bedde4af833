// Linkage: a pair accepted by a merge that has been undone becomes rejected, so the queue does
// not offer it again. Parameters: $mergeId, $reason.
MATCH (q:LinkReview {mergeId: $mergeId})
SET q.status = 'REJECTED', q.decisionReason = 'merge undone: ' + $reason
