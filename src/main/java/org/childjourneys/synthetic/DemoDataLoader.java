package org.childjourneys.synthetic;

import org.childjourneys.dataset.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with a synthetic authority on first start. A database that already holds
 * a complete synthetic authority is reused; one that holds anything else is never touched.
 */
public class DemoDataLoader {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  /** What the loader did, for logs and tests. */
  public enum Outcome {
    DISABLED,
    SKIPPED_EXTERNAL,
    REUSED,
    FINISHED_BULK_IMPORT,
    SKIPPED_NOT_EMPTY,
    GENERATED
  }

  private final DemoDataProperties properties;
  private final boolean embedded;
  private final Dataset dataset;
  private final SyntheticAuthorityGenerator generator;

  public DemoDataLoader(
      DemoDataProperties properties,
      boolean embedded,
      Dataset dataset,
      SyntheticAuthorityGenerator generator) {
    this.properties = properties;
    this.embedded = embedded;
    this.dataset = dataset;
    this.generator = generator;
  }

  public Outcome load() {
    if (!properties.enabled()) {
      return Outcome.DISABLED;
    }
    if (!embedded && !properties.loadIntoExternal()) {
      log.info(
          "External Neo4j: demo data not loaded (set childjourneys.demo.load-into-external=true"
              + " to fill an empty external database)");
      return Outcome.SKIPPED_EXTERNAL;
    }
    var marker = dataset.marker();
    if (marker.isPresent() && marker.get().kind() == Dataset.Kind.SYNTHETIC) {
      if ("COMPLETE".equals(marker.get().status())) {
        log.info("Reusing the synthetic authority already in the database");
        return Outcome.REUSED;
      }
      if ("IMPORTED".equals(marker.get().status())) {
        generator.finishBulkImport();
        log.info("Synthetic authority bulk-imported and ready");
        return Outcome.FINISHED_BULK_IMPORT;
      }
      log.warn("A previous synthetic generation did not finish; deleting it and starting again");
      generator.deleteIncompleteSyntheticData();
    } else if (marker.isPresent() || dataset.hasPeople()) {
      log.info("The database already holds data: demo data not loaded");
      return Outcome.SKIPPED_NOT_EMPTY;
    }
    log.info(
        "Empty database: generating a synthetic authority of {} children (seed {})",
        properties.children(),
        properties.seed());
    generator.generate(SyntheticSettings.of(properties.children(), properties.seed()));
    return Outcome.GENERATED;
  }
}
