// Analytics benchmark (AnalyticsBenchmark, docs/benchmarks-postgres.md): what each contact led to,
// for the PostgreSQL baseline (table contact_led_to).
// Parameters: none.
MATCH (k:Contact)-[:LED_TO]->(i)
RETURN k.id AS contact_id, i.id AS involvement_id
