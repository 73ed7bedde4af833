// A child's consent decisions are found by personId alone (child/children-by-id, child/search,
// security/child-access): the composite consent_person (personId, at) index is not used for an
// equality on personId only, so the planner scanned every Consent node for each child read (found
// by the plans step of bench/run.sh once consents exist; docs/query-plans.md).
CREATE INDEX consent_person_id IF NOT EXISTS FOR (n:Consent) ON (n.personId);
