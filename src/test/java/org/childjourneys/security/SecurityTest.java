package org.childjourneys.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Who gets in: the built-in users over HTTP basic, and nobody else. */
class SecurityTest extends IntegrationTest {

  static final String ME = "{\"query\":\"{ me { name role team } }\"}";

  @LocalServerPort int port;

  record Answer(int status, String body, String authenticate) {}

  Answer post(String authorization, String origin, String json) {
    RestClient.RequestBodySpec request =
        RestClient.create("http://localhost:" + port)
            .post()
            .uri("/graphql")
            .contentType(MediaType.APPLICATION_JSON);
    if (authorization != null) {
      request = request.header("Authorization", authorization);
    }
    if (origin != null) {
      request = request.header("Origin", origin);
    }
    return request
        .body(json)
        .exchange(
            (req, res) ->
                new Answer(
                    res.getStatusCode().value(),
                    new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8),
                    res.getHeaders().getFirst("WWW-Authenticate")));
  }

  @Test
  void theHealthCheckIsOpenAndEverythingElseNeedsSigningIn() {
    Map<?, ?> health =
        RestClient.create("http://localhost:" + port)
            .get()
            .uri("/actuator/health")
            .retrieve()
            .body(Map.class);
    assertThat(health.get("status")).isEqualTo("UP");

    Answer anonymous = post(null, null, ME);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.authenticate()).contains("Basic realm=\"Child Journeys\"");
    assertThat(anonymous.body()).doesNotContain("role");

    String guess =
        Base64.getEncoder()
            .encodeToString("frontline:guess-guess-guess".getBytes(StandardCharsets.UTF_8));
    assertThat(post("Basic " + guess, null, ME).status()).isEqualTo(401);
  }

  @Test
  void eachPersonaSignsInWithItsRoleAndTeam() {
    for (Role role : Role.values()) {
      String user = LocalUsers.defaultName(role);
      as(user)
          .document("{ me { name role } }")
          .execute()
          .path("me.role")
          .entity(String.class)
          .isEqualTo(role.name())
          .path("me.name")
          .entity(String.class)
          .isEqualTo(user);
    }
    as("frontline")
        .document("{ me { team } }")
        .execute()
        .path("me.team")
        .entity(String.class)
        .isEqualTo("SYN_SOCIAL_CARE:TEAM:ASSESSMENT_1");
  }

  @Test
  void importJobsAreForAdministratorsOnly() {
    as("analyst")
        .document("{ importJobs(last: 5) { id } }")
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
    as("admin").document("{ importJobs(last: 5) { id } }").execute().errors().verify();
  }

  @Test
  void aCrossSiteRequestWithCachedCredentialsIsRefused() {
    Answer forged = post(TestUsers.basic("admin"), "https://evil.example.org", ME);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("cross-site request refused");

    Answer sameSite = post(TestUsers.basic("admin"), "http://localhost:" + port, ME);
    assertThat(sameSite.status()).isEqualTo(200);
    assertThat(sameSite.body()).contains("\"role\":\"ADMIN\"");
  }

  @Test
  void responsesCarrySecurityHeaders() {
    var headers =
        RestClient.create("http://localhost:" + port)
            .post()
            .uri("/graphql")
            .contentType(MediaType.APPLICATION_JSON)
            .header("Authorization", TestUsers.basic("leader"))
            .body(ME)
            .retrieve()
            .toBodilessEntity()
            .getHeaders();
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.getFirst("Cache-Control")).contains("no-store");
  }

  @Test
  void theWebPagesSignInWithAFormAndASessionThatStaysOnThisSite() {
    RestClient http =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory())
            .build();
    // A page asks an anonymous browser to sign in; the API asks scripts for basic credentials.
    record Reply(int status, String location, String cookie, String body) {}
    java.util.function.Function<RestClient.RequestHeadersSpec<?>, Reply> send =
        spec ->
            spec.exchange(
                (req, res) ->
                    new Reply(
                        res.getStatusCode().value(),
                        res.getHeaders().getFirst("Location"),
                        res.getHeaders().getFirst("Set-Cookie"),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    Reply page = send.apply(http.get().uri("/app/child.html").accept(MediaType.TEXT_HTML));
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).endsWith("/login");
    assertThat(send.apply(http.get().uri("/login")).body()).contains("id=\"sign-in\"");

    Reply wrong =
        send.apply(
            http.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=frontline&password=guess-guess-guess"));
    assertThat(wrong.location()).endsWith("/login?error");

    Reply signedIn =
        send.apply(
            http.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=frontline&password=" + TestUsers.password("frontline")));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.location()).endsWith("/app/");
    assertThat(signedIn.cookie()).startsWith("CJSESSION=").contains("HttpOnly", "SameSite=Strict");
    String session = signedIn.cookie().substring(0, signedIn.cookie().indexOf(';'));

    Reply me =
        send.apply(
            http.post()
                .uri("/graphql")
                .header("Cookie", session)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"query\":\"{ me { name recordPurposes } }\"}"));
    assertThat(me.body())
        .isEqualTo(
            "{\"data\":{\"me\":{\"name\":\"frontline\",\"recordPurposes\":"
                + "[\"SECTION_47\",\"SAFEGUARDING\",\"OPEN_CASE\",\"EARLY_HELP_ASSESSMENT\","
                + "\"PRACTICE_LEARNING\"]}}}");
    // Another site's page cannot post with the user's session.
    Reply forged =
        send.apply(
            http.post()
                .uri("/graphql")
                .header("Cookie", session)
                .header("Origin", "https://evil.example")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"query\":\"{ me { name } }\"}"));
    assertThat(forged.status()).isEqualTo(403);

    Reply out =
        send.apply(
            http.post().uri("/logout").header("Cookie", session).accept(MediaType.TEXT_HTML));
    assertThat(out.status()).isEqualTo(302);
    assertThat(out.location()).endsWith("/login?signedOut");
    Reply after =
        send.apply(
            http.post()
                .uri("/graphql")
                .header("Cookie", session)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"query\":\"{ me { name } }\"}"));
    assertThat(after.status()).isEqualTo(401);
  }

  @Test
  void aggregateRolesReadNoRecordsAndTheDashedUsersPasswordVariableIsNamedAsDocumented() {
    as("analyst")
        .document("{ me { recordPurposes } }")
        .execute()
        .path("me.recordPurposes")
        .entityList(String.class)
        .hasSize(0);
    assertThat(LocalUsers.environmentVariable("front-door"))
        .isEqualTo("CHILDJOURNEYS_SECURITY_USERS_FRONT_DOOR_PASSWORD");
  }
}
