// Synthetic authority: the source systems, what they record and the period their data covers.
UNWIND $rows AS row
MERGE (s:DataSource {system: row.system})
SET s += row, s.synthetic = true
