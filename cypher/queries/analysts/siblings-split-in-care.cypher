// Siblings split across placements: each child in care on $onDate (a period of care, LAC_EPISODE,
// open on the date) with each sibling (SIBLING_OF, either direction) who on that date is not in
// care (NOT_IN_CARE) or is in care in a different placement (DIFFERENT_PLACEMENT). Two placements
// are the same when they have the same placement type, provider and URN or, without a URN, the
// same postcode: SSDA903 has no shared placement id. Adopted siblings are left out (their new
// family is not a split). A pair of siblings both in care apart appears twice, once from each.
// Note: under the childjourneys_analyst role Placement.postcode reads as absent, so placements
// without a URN never match and the result is an upper bound.
// Parameters: $onDate (date).
// Starts from: the Involvement(kind, start) range index (periods of care started on or before the
// date), then each period's one record and child; siblings are one hop from the child.
// Example (Browser or cypher-shell):
// :param onDate => date('2026-03-31')
MATCH (lac:Involvement)
WHERE lac.kind = 'LAC_EPISODE' AND lac.start <= $onDate AND (lac.end IS NULL OR lac.end > $onDate)
  AND lac.retiredAt IS NULL
MATCH (lac)<-[:HAD]-(:PersonRecord)-[:REFERS_TO]->(c:Child)
OPTIONAL MATCH (lac)-[:IN_PLACEMENT]->(p:Placement)
WHERE p.start <= $onDate AND (p.end IS NULL OR p.end > $onDate) AND p.retiredAt IS NULL
WITH c, p ORDER BY p.start DESC
WITH c, head(collect(p)) AS placement
MATCH (c)-[s:SIBLING_OF]-(sibling:Child)
WHERE coalesce(sibling.adopted, false) = false
CALL (sibling) {
  OPTIONAL MATCH (sibling)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(sl:Involvement)
  WHERE sl.kind = 'LAC_EPISODE' AND sl.start <= $onDate AND (sl.end IS NULL OR sl.end > $onDate)
    AND sl.retiredAt IS NULL
  OPTIONAL MATCH (sl)-[:IN_PLACEMENT]->(q:Placement)
  WHERE q.start <= $onDate AND (q.end IS NULL OR q.end > $onDate) AND q.retiredAt IS NULL
  WITH sl, q ORDER BY q.start DESC
  RETURN count(sl) > 0 AS siblingInCare, head(collect(q)) AS siblingPlacement
}
WITH c, placement, s, sibling, siblingPlacement,
     CASE
       WHEN NOT siblingInCare THEN 'NOT_IN_CARE'
       WHEN placement IS NOT NULL AND siblingPlacement IS NOT NULL
            AND placement.placementType = siblingPlacement.placementType
            AND placement.provider = siblingPlacement.provider
            AND coalesce(placement.urn = siblingPlacement.urn,
                         placement.urn IS NULL AND siblingPlacement.urn IS NULL
                         AND placement.postcode = siblingPlacement.postcode, false)
         THEN 'TOGETHER'
       ELSE 'DIFFERENT_PLACEMENT'
     END AS siblingStatus
WHERE siblingStatus <> 'TOGETHER'
RETURN c.pseudonym AS pseudonym, c.id AS childId, placement.placementType AS placementType,
       sibling.pseudonym AS siblingPseudonym, sibling.id AS siblingId, s.kind AS siblingKind,
       siblingStatus, siblingPlacement.placementType AS siblingPlacementType
ORDER BY pseudonym, childId, siblingPseudonym, siblingId
