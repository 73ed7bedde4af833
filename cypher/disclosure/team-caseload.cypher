// Team caseload: one team's open involvements (no end date, not retired by a snapshot), counted
// by kind, for the teamCaseload query. The service adds the total and suppresses small numbers
// unless the reader is the team's own manager (docs/security.md, "Disclosure").
// Parameters: $teamId (Team.id, e.g. 'SYN_SOCIAL_CARE:TEAM:ASSESSMENT_1').
// No row when there is no such team. A unique-index seek on Team.id, then the team's own WITH
// relationships (a dense node keeps them grouped by type and direction): never a scan of
// involvements. Counts only: no child's id or record leaves this query.
MATCH (t:Team {id: $teamId})
OPTIONAL MATCH (t)<-[:WITH]-(i:Involvement)
  WHERE i.end IS NULL AND i.retiredAt IS NULL
WITH t, i.kind AS kind, count(i) AS open
ORDER BY kind
RETURN t.id AS teamId, t.name AS teamName, t.service AS service,
       [k IN collect({kind: kind, open: open}) WHERE k.kind IS NOT NULL] AS kinds
