// Analytics benchmark (AnalyticsBenchmark, docs/benchmarks-postgres.md): every child with their date
// of birth, exported to CSV for the PostgreSQL baseline (table child).
// Parameters: none.
MATCH (c:Child)
RETURN c.id AS id, c.birthDate AS birth_date
