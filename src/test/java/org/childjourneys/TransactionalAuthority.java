package org.childjourneys;

import org.childjourneys.dataset.Dataset;
import org.childjourneys.schema.SchemaMigrations;
import org.childjourneys.synthetic.SyntheticAuthorityGenerator;
import org.childjourneys.synthetic.SyntheticSettings;
import org.neo4j.driver.Driver;

/**
 * The shared test database holding the demo authority written by the transactional writer (what
 * {@link IntegrationTest}'s context loads on first start); created here if a test needs it before
 * any integration test ran.
 */
final class TransactionalAuthority {

  private TransactionalAuthority() {}

  static synchronized Driver driver() {
    Driver driver = TestNeo4j.driver();
    Dataset dataset = new Dataset(driver, "neo4j", false);
    if (dataset.marker().isEmpty()) {
      new SchemaMigrations(driver, "neo4j").migrate();
      new SyntheticAuthorityGenerator(driver, "neo4j", dataset)
          .generate(SyntheticSettings.of(IntegrationTest.CHILDREN, IntegrationTest.SEED));
    }
    return driver;
  }
}
