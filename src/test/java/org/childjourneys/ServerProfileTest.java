package org.childjourneys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/** With the server profile, GraphiQL is gone and introspection is refused. */
@ActiveProfiles("server")
class ServerProfileTest extends IntegrationTest {

  @Value("${local.server.port}")
  int port;

  @Test
  void noGraphiqlAndNoIntrospection() {
    RestClient http =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultHeader("Authorization", TestUsers.basic("admin"))
            .build();
    HttpStatus graphiql =
        http.get()
            .uri("/graphiql")
            .exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
    assertThat(graphiql).isEqualTo(HttpStatus.NOT_FOUND);
    String answer =
        http.post()
            .uri("/graphql")
            .body(java.util.Map.of("query", "{ __schema { types { name } } }"))
            .retrieve()
            .body(String.class);
    assertThat(answer).contains("errors").doesNotContain("\"ServiceSummary\"");
  }
}
