// Import, snapshot retirement: current facts of one source that fall in the snapshot's coverage
// window. Those the snapshot did not contain are then retired (kept, marked not current).
// Only the kinds of fact the snapshot's files produce are considered (a 903 snapshot without a
// Reviews table says nothing about reviews). Parameters: $system, $from, $to, $kinds.
// Runs once per snapshot job: a label scan is acceptable.
CALL () {
  MATCH (n:Involvement) WHERE n.sourceSystem = $system AND n.kind IN $kinds AND n.retiredAt IS NULL
    AND n.start <= $to AND coalesce(n.end, date('9999-12-31')) >= $from
  RETURN 'Involvement' AS label, n.id AS id
UNION ALL
  MATCH (n:Placement) WHERE 'PLACEMENT' IN $kinds AND n.sourceSystem = $system AND n.retiredAt IS NULL
    AND n.start <= $to AND coalesce(n.end, date('9999-12-31')) >= $from
  RETURN 'Placement' AS label, n.id AS id
UNION ALL
  MATCH (n:Event) WHERE n.sourceSystem = $system AND n.kind IN $kinds AND n.retiredAt IS NULL
    AND n.date >= $from AND n.date <= $to
  RETURN 'Event' AS label, n.id AS id
UNION ALL
  MATCH (n:Contact) WHERE 'CONTACT' IN $kinds AND n.sourceSystem = $system AND n.retiredAt IS NULL
    AND date(n.receivedAt) >= $from AND date(n.receivedAt) <= $to
  RETURN 'Contact' AS label, n.id AS id
}
RETURN label, id
