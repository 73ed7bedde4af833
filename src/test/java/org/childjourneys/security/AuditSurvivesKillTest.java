package org.childjourneys.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.childjourneys.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * The audit entry of a read is committed before the answer leaves: a service killed with SIGKILL
 * the moment the answer arrives still has the entry when it starts again on its embedded store.
 */
class AuditSurvivesKillTest {

  static final String NEO4J_PASSWORD = "test-neo4j-admin-password";

  @Test
  void aReadAnsweredJustBeforeAKillIsInTheTrailAfterTheRestart() throws Exception {
    Path data = Path.of("target", "audit-kill-" + System.nanoTime()).toAbsolutePath();
    int http = freePort();
    int bolt = freePort();
    HttpClient client = HttpClient.newHttpClient();

    Process first = start(data, http, bolt, data.resolve("first.log"));
    String answer;
    try {
      awaitHealthy(client, http);
      try (var driver =
              GraphDatabase.driver(
                  "bolt://localhost:" + bolt, AuthTokens.basic("neo4j", NEO4J_PASSWORD));
          var session = driver.session()) {
        session
            .run(
                "CREATE (:PersonRecord {id: 'KILL:1', system: 'KILL', localId: '1'})"
                    + "-[:REFERS_TO]->(:Child {id: 'CKILL1', givenName: 'Kim'})")
            .consume();
      }
      HttpRequest read =
          HttpRequest.newBuilder(URI.create("http://localhost:" + http + "/graphql"))
              .header("Content-Type", "application/json")
              .header("Authorization", TestUsers.basic("front-door"))
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"query\":\"{ child(id: \\\"CKILL1\\\", purpose: SAFEGUARDING)"
                          + " { givenName } }\"}"))
              .build();
      answer = client.send(read, HttpResponse.BodyHandlers.ofString()).body();
    } finally {
      first.destroyForcibly(); // SIGKILL the moment the answer is in: no shutdown, no flush
      first.waitFor();
    }
    assertThat(answer).contains("\"givenName\":\"Kim\"");

    Process second = start(data, http, bolt, data.resolve("second.log"));
    try {
      awaitHealthy(client, http);
      try (var driver =
              GraphDatabase.driver(
                  "bolt://localhost:" + bolt, AuthTokens.basic("neo4j", NEO4J_PASSWORD));
          var session = driver.session()) {
        var entry =
            session
                .run(
                    "MATCH (a:AuditEntry {childId: 'CKILL1'}) RETURN a.actor AS actor,"
                        + " a.purpose AS purpose, a.allowed AS allowed, a.found AS found")
                .single();
        assertThat(entry.get("actor").asString()).isEqualTo("front-door");
        assertThat(entry.get("purpose").asString()).isEqualTo("SAFEGUARDING");
        assertThat(entry.get("allowed").asBoolean()).isTrue();
        assertThat(entry.get("found").asBoolean()).isTrue();
      }
    } finally {
      second.destroy();
      second.waitFor();
    }
  }

  private static Process start(Path data, int http, int bolt, Path log) throws Exception {
    java.nio.file.Files.createDirectories(data);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx1g",
            "-XX:-UsePerfData",
            "-Djava.io.tmpdir=target/tmp",
            "-cp",
            System.getProperty("java.class.path"),
            "org.childjourneys.ChildJourneysApplication",
            "--childjourneys.neo4j.embedded.data-directory=" + data.resolve("neo4j"),
            "--childjourneys.neo4j.embedded.bolt-port=" + bolt,
            "--childjourneys.neo4j.embedded.password=" + NEO4J_PASSWORD,
            "--childjourneys.neo4j.embedded.page-cache=64MB",
            "--childjourneys.security.audit-head-file=" + data.resolve("chain-head.log"),
            "--childjourneys.demo.enabled=false",
            "--childjourneys.import.drop.enabled=false",
            "--server.port=" + http));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitHealthy(HttpClient client, int port) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        var r =
            client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the service did not become healthy on port " + port);
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
