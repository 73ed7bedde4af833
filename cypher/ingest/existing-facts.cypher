// Import: which of a batch's facts exist already, with their content hash, so new facts are
// created in one pass and only changed ones are rewritten. Parameters: $label, $ids.
UNWIND $ids AS id
CALL (id) {
  WITH id WHERE $label = 'Involvement'
  MATCH (n:Involvement {id: id}) RETURN n
UNION
  WITH id WHERE $label = 'Event'
  MATCH (n:Event {id: id}) RETURN n
UNION
  WITH id WHERE $label = 'Contact'
  MATCH (n:Contact {id: id}) RETURN n
UNION
  WITH id WHERE $label = 'Placement'
  MATCH (n:Placement {id: id}) RETURN n
}
RETURN n.id AS id, n.contentHash AS hash, n.retiredAt IS NOT NULL AS retired, n.changedAt AS changedAt
