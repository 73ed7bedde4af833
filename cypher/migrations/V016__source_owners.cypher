// Several local authorities in one graph (docs/security.md, "Several authorities in one graph"):
// every source system belongs to the local authority owning its records, recorded as
// DataSource.authority (the authority's ONS code, e.g. E06000001). Systems loaded before owners were
// recorded belong to the deployment's own authority: this records it on them, and gives every
// system that holds records but has no DataSource yet one. $homeAuthority is
// childjourneys.authority.la-code when the migration runs ('' when none is configured: then nothing
// is written, and a system with no owner recorded keeps meaning the deployment's own).
// Practitioners' annotations written before then carry no authority: the deployment's own too.
MATCH (s:DataSource)
WHERE s.authority IS NULL AND $homeAuthority <> ''
SET s.authority = $homeAuthority;
MATCH (r:PersonRecord)
WITH DISTINCT r.system AS system
WHERE system IS NOT NULL AND $homeAuthority <> ''
MERGE (s:DataSource {system: system})
  ON CREATE SET s.name = system, s.authority = $homeAuthority, s.services = [];
