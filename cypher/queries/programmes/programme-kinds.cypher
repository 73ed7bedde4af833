// The involvement kinds a programme was attached to, among involvements starting from $from to $to
// (docs/measures.md#programme-outcomes): the comparison group starts one of these kinds. Read
// from the (service, start) index over the nine services. Programme names are compared in upper
// case with spaces and hyphens as underscores.
// Only facts recorded by $systems count (the source systems the reader's authority owns; null:
// all, docs/measures.md#aggregates-of-several-authorities).
// Parameters: $programme (normalised name), $services (the nine service codes), $from, $to,
// $systems (list or null).
// Example: :param programme => 'FAMILY_SUPPORT_PROGRAMME'; :param services => ['EARLY_HELP']; :param from => date('2024-04-01'); :param to => date('2025-03-31'); :param systems => null
MATCH (i:Involvement)
WHERE i.service IN $services AND i.start >= $from AND i.start <= $to
  AND i.retiredAt IS NULL AND i.childId IS NOT NULL AND i.programme IS NOT NULL
  AND ($systems IS NULL OR i.sourceSystem IN $systems)
  AND toUpper(replace(replace(trim(i.programme), ' ', '_'), '-', '_')) = $programme
RETURN DISTINCT i.kind AS kind ORDER BY kind
