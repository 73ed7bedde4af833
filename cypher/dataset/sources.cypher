// The source systems loaded (with the period each covers and how fresh it is) and the date the
// data describes. Read with every chronology, summary and in-touch answer: no record outside a
// source's period is not evidence of no involvement.
// Parameters: none.
OPTIONAL MATCH (dataset:Dataset {id: 'main'})
CALL () {
  MATCH (d:DataSource)
  WITH d ORDER BY d.system
  RETURN collect(d {.system, .name, services: coalesce(d.services, []), .coveredFrom, .coveredTo,
                    .asAt}) AS sources
}
RETURN dataset.referenceDate AS referenceDate, sources
