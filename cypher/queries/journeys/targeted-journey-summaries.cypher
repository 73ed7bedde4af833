// Journey summaries (docs/measures.md#journey-summaries) of every child whose journey began on or
// before $to, without the universal registrations ($universal: school enrolment, GP registration
// and the like, which are never a step of a pathway): the remaining steps as parallel lists in
// journey order (an open end is 9999-12-31), for children with at least one. Read from the
// JourneySummary.firstStart index, no expansion; what pathways and pathwayOutcomes read (a child
// with universal registrations only is in neither), so the rest never leaves the database.
// Only the steps recorded by $systems (the source systems the reader's authority owns; null: every
// step, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $to (date), $universal (list of involvement kinds), $systems (list or null).
// Example: :param to => date('2026-03-31'); :param universal => ['SCHOOL_ENROLMENT', 'GP_REGISTRATION', 'HEALTH_VISITING', 'SCHOOL_NURSING', 'CHILDRENS_CENTRE_REGISTRATION']; :param systems => null
MATCH (s:JourneySummary)
WHERE s.firstStart <= $to
WITH s.childId AS childId, s.kinds AS kinds, s.services AS services, s.starts AS starts,
     s.ends AS ends, CASE WHEN $systems IS NULL THEN null ELSE s.systems END AS systems
WITH childId, kinds, services, starts, ends,
     [i IN range(0, size(kinds) - 1) WHERE NOT kinds[i] IN $universal
        AND ($systems IS NULL OR systems[i] IN $systems)] AS kept
WHERE size(kept) > 0
RETURN childId, [i IN kept | kinds[i]] AS kinds, [i IN kept | services[i]] AS services,
       [i IN kept | starts[i]] AS starts, [i IN kept | ends[i]] AS ends
