// Records a consent decision (given or withdrawn) for a person, service and scope. The latest
// decision counts, so a withdrawal takes effect with the next read.
// Parameters: $consent {id, personId, service, scope, given, at, recordedBy, role, purpose, note}.
CREATE (k:Consent)
SET k = $consent
RETURN k.id AS id
