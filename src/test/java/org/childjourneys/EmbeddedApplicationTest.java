package org.childjourneys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.childjourneys.neo4j.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * The service as a newcomer starts it: no NEO4J_URI, so it runs its own Neo4j, fills it with a demo
 * authority, answers GraphQL and health, accepts external Bolt clients with the admin password; a
 * second start reuses the data.
 */
class EmbeddedApplicationTest {

  private static ConfigurableApplicationContext start(Path data) {
    // Command-line arguments, as a user would pass them; they outrank application.properties.
    return new SpringApplicationBuilder(ChildJourneysApplication.class)
        .run(
            "--spring.neo4j.uri=",
            "--childjourneys.neo4j.embedded.data-directory=" + data,
            "--childjourneys.neo4j.embedded.bolt-port=0",
            "--childjourneys.neo4j.embedded.page-cache=64MB",
            "--childjourneys.security.audit-head-file=" + data.resolve("chain-head.log"),
            "--childjourneys.demo.children=" + IntegrationTest.CHILDREN,
            "--childjourneys.demo.seed=" + IntegrationTest.SEED,
            "--server.port=0");
  }

  @Test
  void startsOnItsOwnDatabaseWithDemoDataAndReusesItOnRestart() {
    Path data = Path.of("target", "embedded-app-" + System.nanoTime());
    Object firstGeneratedAt;
    try (ConfigurableApplicationContext app = start(data)) {
      EmbeddedNeo4j neo4j = app.getBean(EmbeddedNeo4j.class);
      RestClient http = http(app);
      Map<?, ?> health = http.get().uri("/actuator/health").retrieve().body(Map.class);
      assertThat(health.get("status")).isEqualTo("UP");
      Map<?, ?> answer =
          http.post()
              .uri("/graphql")
              .body(Map.of("query", "{ authority { children synthetic } }"))
              .retrieve()
              .body(Map.class);
      assertThat(answer.toString())
          .contains("children=" + IntegrationTest.CHILDREN)
          .contains("synthetic=true");
      try (Driver external =
          GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", neo4j.password()))) {
        // The bulk-imported demo is the very graph the transactional writer produced.
        GraphFingerprint.assertSameGraph(external, TransactionalAuthority.driver());
        firstGeneratedAt =
            external
                .executableQuery("MATCH (d:Dataset) RETURN d.generatedAt AS at")
                .execute()
                .records()
                .get(0)
                .get("at")
                .asObject();
      }
    }
    try (ConfigurableApplicationContext again = start(data)) {
      EmbeddedNeo4j neo4j = again.getBean(EmbeddedNeo4j.class);
      try (Driver external =
          GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", neo4j.password()))) {
        var record =
            external
                .executableQuery(
                    "MATCH (d:Dataset) RETURN d.generatedAt AS at, COUNT { (:Child) } AS children")
                .execute()
                .records()
                .get(0);
        assertThat(record.get("children").asInt()).isEqualTo(IntegrationTest.CHILDREN);
        assertThat(record.get("at").asObject()).isEqualTo(firstGeneratedAt);
      }
    }
  }

  private static RestClient http(ConfigurableApplicationContext app) {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    return RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .defaultHeader("Authorization", TestUsers.basic("leader"))
        .build();
  }
}
