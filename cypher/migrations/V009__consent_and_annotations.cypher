// Consent decisions (given or withdrawn, per person, service and scope; the latest one counts)
// and practitioners' annotations of a child's chronology (kept apart from imported facts, which
// they name by id, so re-imports leave them alone).
CREATE CONSTRAINT consent_id IF NOT EXISTS FOR (n:Consent) REQUIRE n.id IS UNIQUE;
CREATE INDEX consent_person IF NOT EXISTS FOR (n:Consent) ON (n.personId, n.at);
CREATE CONSTRAINT annotation_id IF NOT EXISTS FOR (n:Annotation) REQUIRE n.id IS UNIQUE;
CREATE INDEX annotation_child IF NOT EXISTS FOR (n:Annotation) ON (n.childId);
