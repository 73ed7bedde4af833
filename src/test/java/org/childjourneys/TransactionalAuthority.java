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

  static final String LA_CODE = "E06000999";

  private TransactionalAuthority() {}

  static synchronized Driver driver() {
    Driver driver = TestNeo4j.driver();
    Dataset dataset = new Dataset(driver, "neo4j", false);
    if (dataset.marker().isEmpty()) {
      // the tests' authority (childjourneys.authority.la-code in src/test/resources/config), as
      // the integration tests' context writes it
      new SchemaMigrations(driver, "neo4j", LA_CODE).migrate();
      new SyntheticAuthorityGenerator(driver, "neo4j", dataset, LA_CODE)
          .generate(SyntheticSettings.of(IntegrationTest.CHILDREN, IntegrationTest.SEED));
    }
    return driver;
  }
}
