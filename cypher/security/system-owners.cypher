// The owner of every source system (docs/security.md, "Several authorities in one graph"): the
// DataSource's authority, null when none is recorded (the deployment's own). A few dozen nodes at
// most: AggregateScope reads it once per aggregate request to work out which systems' facts the
// reader's authority owns ($systems of the aggregate queries).
// Parameters: none.
MATCH (s:DataSource)
RETURN s.system AS system, s.authority AS authority
