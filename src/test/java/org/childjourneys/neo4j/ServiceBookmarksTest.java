package org.childjourneys.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Read-your-writes across service instances: a response carries the bookmarks of the writes so far,
 * and bookmarks sent back reach the database with the request's reads (a bookmark the database
 * never issued makes them fail, which shows they are passed, not ignored).
 */
class ServiceBookmarksTest extends IntegrationTest {

  @LocalServerPort int port;

  record Answer(int status, String body, String bookmark) {}

  Answer post(String bookmark, String query) {
    RestClient.RequestBodySpec request =
        RestClient.create("http://localhost:" + port)
            .post()
            .uri("/graphql")
            .header("Authorization", TestUsers.basic("front-door"))
            .contentType(MediaType.APPLICATION_JSON);
    if (bookmark != null) {
      request = request.header(ServiceBookmarks.HEADER, bookmark);
    }
    return request
        .body("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}")
        .exchange(
            (req, res) ->
                new Answer(
                    res.getStatusCode().value(),
                    new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8),
                    res.getHeaders().getFirst(ServiceBookmarks.HEADER)));
  }

  private static final String READ =
      "{ child(id: \"C00000001\", purpose: REFERRAL_TRIAGE) { id chronology(first: 1) { totalCount } } }";

  @Test
  void aResponseCarriesTheBookmarksOfTheWritesAndTheyComeBackToTheDatabase() {
    // Reading a record writes its audit entry: the response says which bookmark holds it.
    Answer first = post(null, READ);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).contains("\"id\":\"C00000001\"");
    assertThat(first.bookmark()).isNotBlank();
    assertThat(ServiceBookmarks.decode(first.bookmark())).isNotEmpty();

    Answer again = post(first.bookmark(), READ);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("\"id\":\"C00000001\"").doesNotContain("errors");

    // A bookmark the database never issued: the reads of the request are refused by Neo4j.
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("FB:not-a-bookmark".getBytes(StandardCharsets.UTF_8));
    Answer refused = post(forged, READ);
    assertThat(refused.body())
        .contains("the database did not issue this bookmark", "BAD_REQUEST")
        .doesNotContain("\"id\":\"C00000001\"");

    Answer garbage = post("%%%", READ);
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.body()).contains("header Neo4j-Bookmark: not a bookmark this service gave");
  }
}
