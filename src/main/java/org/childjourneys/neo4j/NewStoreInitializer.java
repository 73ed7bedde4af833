package org.childjourneys.neo4j;

import java.nio.file.Path;

/**
 * Fills a brand-new embedded store before the database starts, e.g. with Neo4j's offline bulk
 * importer, which is many times faster than transactional writes but only works on a database that
 * does not exist yet.
 */
public interface NewStoreInitializer {

  /** Called only when the embedded database has never been created under {@code home}. */
  void initialize(Path home);
}
