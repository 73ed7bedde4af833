package org.childjourneys.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.util.unit.DataSize;

/** The embedded database as a user meets it: authentication, persistence, clear failures. */
class EmbeddedNeo4jTest {

  private static EmbeddedNeo4jProperties props(Path dir, int port, String password) {
    return new EmbeddedNeo4jProperties(
        dir, "127.0.0.1", port, password, DataSize.ofMegabytes(32), "10M size");
  }

  private static Path freshDirectory(String name) throws IOException {
    Path dir = Path.of("target", "embedded-tests", name + "-" + System.nanoTime());
    Files.createDirectories(dir);
    return dir;
  }

  @Test
  void boltRequiresTheGeneratedPasswordWhichSurvivesARestartWithTheData() throws IOException {
    Path dir = freshDirectory("auth");
    String password;
    try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(props(dir, 0, null))) {
      password = neo4j.password();
      Path file = dir.resolve("admin-password");
      assertThat(Files.readString(file).strip()).isEqualTo(password);
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      try (Driver driver =
          GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", password))) {
        driver.executableQuery("CREATE (:Marker {name: 'kept'})").execute();
      }
      try (Driver wrong =
          GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", "neo4j"))) {
        assertThatThrownBy(wrong::verifyConnectivity).isInstanceOf(AuthenticationException.class);
      }
      try (Driver none = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
        assertThatThrownBy(none::verifyConnectivity).isInstanceOf(AuthenticationException.class);
      }
    }
    try (EmbeddedNeo4j again = EmbeddedNeo4j.start(props(dir, 0, null));
        Driver driver =
            GraphDatabase.driver(again.boltUri(), AuthTokens.basic("neo4j", password))) {
      assertThat(again.password()).isEqualTo(password);
      var names =
          driver.executableQuery("MATCH (m:Marker) RETURN m.name AS name").execute().records();
      assertThat(names).extracting(r -> r.get("name").asString()).containsExactly("kept");
    }
  }

  @Test
  void aConfiguredPasswordReplacesTheGeneratedOne() throws IOException {
    Path dir = freshDirectory("configured");
    try (EmbeddedNeo4j first = EmbeddedNeo4j.start(props(dir, 0, null))) {
      assertThat(first.password()).hasSize(24);
    }
    try (EmbeddedNeo4j second = EmbeddedNeo4j.start(props(dir, 0, "a-configured-secret"));
        Driver driver =
            GraphDatabase.driver(
                second.boltUri(), AuthTokens.basic("neo4j", "a-configured-secret"))) {
      driver.verifyConnectivity();
    }
    assertThatThrownBy(() -> EmbeddedNeo4j.start(props(freshDirectory("short"), 0, "short")))
        .hasMessageContaining("at least 8 characters");
  }

  @Test
  void aTakenPortOrALockedDataFolderGetAClearMessage() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThatThrownBy(
              () -> EmbeddedNeo4j.start(props(freshDirectory("port"), taken.getLocalPort(), null)))
          .isInstanceOf(EmbeddedNeo4j.EmbeddedNeo4jException.class)
          .hasMessageContaining("is already in use")
          .hasMessageContaining("CHILDJOURNEYS_NEO4J_EMBEDDED_BOLT_PORT");
    }
    Path dir = freshDirectory("locked");
    try (EmbeddedNeo4j running = EmbeddedNeo4j.start(props(dir, 0, null))) {
      assertThat(running.boltUri().getPort()).isPositive();
      assertThatThrownBy(() -> EmbeddedNeo4j.start(props(dir, 0, null)))
          .isInstanceOf(EmbeddedNeo4j.EmbeddedNeo4jException.class)
          .hasMessageContaining("is locked by another process");
    }
    assertThat(Set.of(dir.toFile().list())).contains("admin-password");
  }
}
