// The childjourneys_analyst role for direct graph tools (Bloom, Browser, drivers) on Neo4j
// Enterprise or Aura: read-only, with everything that names or identifies a child or an adult
// denied, so exploration sees structure, dates, codes and stored pseudonyms (Child.pseudonym,
// written by the service's writePseudonyms mutation) but never who anyone is. See
// docs/security.md, "The Bolt boundary".
//
// Needs Enterprise Edition or Aura (Business Critical / Virtual Dedicated Cloud): Community has no
// roles and rejects every statement here as an unsupported administration command. Run as an
// administrator against the system database, once per deployment (the statements are idempotent
// where Neo4j allows; re-running them adds nothing):
//   cypher-shell -a neo4j+s://<host> -u <admin> -d system -f cypher/security/create-analyst-role.cypher
// then give the role to people:  GRANT ROLE childjourneys_analyst TO <user>;
// Check the result with:  SHOW ROLE childjourneys_analyst PRIVILEGES AS COMMANDS;
// The database is named neo4j here (NEO4J_DATABASE); replace "neo4j" below if yours differs.
//
// Why deny rather than grant a list: a DENY beats a GRANT from any other role the user holds
// (reader, architect, PUBLIC), so giving an analyst a second role cannot re-open these
// properties. A denied property reads as absent and cannot be filtered or sorted on, so it cannot
// be guessed through WHERE either. Property names that do not exist yet (notes) are denied in
// advance: Neo4j applies the privilege once they appear.
// Parameters: none.

CREATE ROLE childjourneys_analyst IF NOT EXISTS;

GRANT ACCESS ON DATABASE neo4j TO childjourneys_analyst;

// Read-only: find and read everything, except what is denied below. No WRITE, no admin privileges.
GRANT MATCH {*} ON GRAPH neo4j ELEMENTS * TO childjourneys_analyst;

// Names and dates of birth or death of children, adults and source records, wherever they appear.
DENY READ {givenName, familyName, birthDate, expectedBirthDate, childBirthDate, deathDate}
  ON GRAPH neo4j NODES * TO childjourneys_analyst;

// Identifiers: the resolved ids, source-system ids and identifier values (NHS number, UPN, LA child
// id, police id). Fact ids are built from source ids (e.g. an LA child id), so they go too; nodes
// stay distinguishable in Bloom by their internal element ids and by Child.pseudonym.
DENY READ {id}
  ON GRAPH neo4j
  NODES Child, Adult, PersonRecord, Identifier, Household, Address, Involvement, Event, Contact,
    Placement
  TO childjourneys_analyst;
DENY READ {value, key} ON GRAPH neo4j NODES Identifier TO childjourneys_analyst;
DENY READ {localId, childId, statutoryKey, sourceRecord, syntheticTruthId}
  ON GRAPH neo4j NODES * TO childjourneys_analyst;

// Saved cohorts' members (Cohort.memberIds, docs/measures.md#cohorts) are child ids; the
// definition, author and size stay readable.
DENY READ {memberIds} ON GRAPH neo4j NODES Cohort TO childjourneys_analyst;

// Addresses: street lines and full postcodes (areas stay: Address-IN->Area LSOA, for hotspots).
DENY READ {line1, homePostcode} ON GRAPH neo4j NODES * TO childjourneys_analyst;
DENY READ {postcode}
  ON GRAPH neo4j NODES PersonRecord, Address, Placement TO childjourneys_analyst;

// Free text and notes, which can say anything about anyone.
DENY READ {detail, notes} ON GRAPH neo4j ELEMENTS * TO childjourneys_analyst;

// Workers' direct contact details (teams' shared mailboxes stay readable).
DENY READ {email, phone} ON GRAPH neo4j NODES Professional TO childjourneys_analyst;

// Whole node types that are not for analysts: the audit trail (who read which child), its chain
// head, and import rejections (raw values copied from rejected rows).
DENY TRAVERSE
  ON GRAPH neo4j NODES AuditEntry, AuditChain, ImportRejection TO childjourneys_analyst;
