// Linkage: every child record with the person it refers to and its NHS number and UPN, to build
// the matcher's in-memory blocking index at the start of an import (docs/linkage.md).
// Parameters: none. Example: returns one row per child record.
MATCH (r:PersonRecord)-[:REFERS_TO]->(c:Child)
WHERE r.personType = 'CHILD'
RETURN r.id AS id, r.system AS system, r.givenName AS givenName, r.familyName AS familyName,
       r.birthDate AS birthDate, r.sex AS sex, r.postcode AS postcode,
       [(r)-[:HAS_IDENTIFIER]->(i:Identifier {scheme: 'NHS'}) | i.value][0] AS nhsNumber,
       [(r)-[:HAS_IDENTIFIER]->(i:Identifier {scheme: 'UPN'}) | i.value][0] AS upn,
       coalesce(r.adopted, false) OR coalesce(c.adopted, false) AS adopted,
       coalesce(r.restricted, false) OR coalesce(c.restricted, false) AS restricted,
       c.id AS personId
