// Import benchmark baseline: SSDA903 episode rows (dd/mm/yyyy dates), one node per row linked to
// the child by the LA child id, with no period-of-care or placement logic.
// Parameters: $url, $prefix.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (:Identifier {key: 'LA_CHILD_ID@999:' + row.CHILD})<-[:HAS_IDENTIFIER]-(:PersonRecord)
        -[:REFERS_TO]->(c:Child)
  WITH row, c LIMIT 1
  WITH row, c, split(row.DECOM, '/') AS d, split(row.DEC, '/') AS e
  MERGE (x:Involvement {id: $prefix + ':' + row.CHILD + ':' + row.DECOM})
  SET x.kind = 'LAC_EPISODE_ROW', x.service = 'SOCIAL_CARE', x.rne = row.RNE, x.ls = row.LS,
      x.place = row.PLACE, x.reasonEnded = row.REC, x.sourceSystem = $prefix,
      x.start = date({day: toInteger(d[0]), month: toInteger(d[1]), year: toInteger(d[2])}),
      x.end = CASE WHEN row.DEC IS NULL THEN null
              ELSE date({day: toInteger(e[0]), month: toInteger(e[1]), year: toInteger(e[2])}) END
  MERGE (c)-[:HAD]->(x)
} IN TRANSACTIONS OF 10000 ROWS
