package org.childjourneys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.childjourneys.neo4j.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;

class HealthTest extends IntegrationTest {

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @Test
  void withAnExternalNeo4jNoEmbeddedDatabaseIsStarted() {
    assertThat(context.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable()).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void healthIsUpWithNeo4j() {
    Map<String, Object> health =
        RestClient.create("http://localhost:" + port)
            .get()
            .uri("/actuator/health")
            .retrieve()
            .body(Map.class);
    assertThat(health).containsEntry("status", "UP");
    Map<String, Object> neo4j =
        (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("neo4j");
    assertThat(neo4j).containsEntry("status", "UP");
    assertThat((Map<String, Object>) neo4j.get("details")).containsKey("server");
  }
}
