// Where facts came from and what each source covers; the marker that says whether this
// database holds synthetic or real data.
CREATE CONSTRAINT data_source_system IF NOT EXISTS FOR (n:DataSource) REQUIRE n.system IS UNIQUE;
CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (n:ImportJob) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (n:SchemaMigration) REQUIRE n.version IS UNIQUE;
