package org.childjourneys;

import static org.assertj.core.api.Assertions.assertThat;

import org.childjourneys.dataset.Dataset;
import org.childjourneys.schema.SchemaMigrations;
import org.childjourneys.synthetic.SyntheticAuthorityGenerator;
import org.childjourneys.synthetic.SyntheticSettings;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The same migrations and generator against a Neo4j 5.26 server in a container, as an IT team would
 * run it. Skipped where no Docker engine exists.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersNeo4jTest {

  @Container
  static final Neo4jContainer neo4j =
      new Neo4jContainer("neo4j:5.26").withAdminPassword("test-password");

  @Test
  void migratesAndGeneratesOnAServer() {
    try (Driver driver =
        GraphDatabase.driver(neo4j.getBoltUrl(), AuthTokens.basic("neo4j", "test-password"))) {
      assertThat(new SchemaMigrations(driver, "neo4j").migrate()).containsExactly(1, 2, 3, 4, 5);
      var generator =
          new SyntheticAuthorityGenerator(driver, "neo4j", new Dataset(driver, "neo4j", false));
      var result = generator.generate(SyntheticSettings.of(100, 1));
      long children =
          driver
              .executableQuery("MATCH (c:Child) RETURN count(c) AS n")
              .execute()
              .records()
              .get(0)
              .get("n")
              .asLong();
      assertThat(children).isEqualTo(100).isEqualTo(result.tally().children());
    }
  }
}
