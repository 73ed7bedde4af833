// A practitioner's annotation of a child's chronology: a flag on an imported fact (kind FLAG,
// itemId, flag), a note (kind NOTE, date, text) or confirmed contact details of a professional
// (kind CONTACT_CONFIRMED, professionalId, email, phone). Kept apart from imported facts (which
// it names by id), so re-imports never change or remove it.
// Parameters: $annotation {id, childId, kind, itemId, flag, text, date, professionalId, email,
// phone, by, role, purpose, at, authority (the writer's local authority, when the deployment names
// one)}.
CREATE (a:Annotation)
SET a = $annotation
RETURN a {.*} AS annotation
