package org.childjourneys;

import java.net.URI;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One in-process Neo4j (test harness) for the whole test JVM: starting a database costs seconds, so
 * every test class shares this one, under {@code target/}.
 */
public final class TestNeo4j {

  private static Neo4j neo4j;
  private static Driver driver;
  private static Neo4j importNeo4j;

  private TestNeo4j() {}

  public static synchronized URI boltUri() {
    if (neo4j == null) {
      forgetPublishedAuditHeads();
      neo4j =
          Neo4jBuilders.newInProcessBuilder(Path.of("target", "neo4j-harness"))
              .withDisabledServer()
              .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
              .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
              .build();
      Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
    }
    return neo4j.boltURI();
  }

  /** Heads published by earlier test runs belong to databases that are gone. */
  private static void forgetPublishedAuditHeads() {
    Path heads = Path.of("target", "audit-heads");
    if (java.nio.file.Files.exists(heads)) {
      try (var files = java.nio.file.Files.walk(heads)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /**
   * A second database for the import tests: they load real-format data (which the dataset marker
   * refuses to mix with the synthetic authority) and reset it between tests.
   */
  public static synchronized URI importBoltUri() {
    if (importNeo4j == null) {
      importNeo4j =
          Neo4jBuilders.newInProcessBuilder(Path.of("target", "neo4j-harness-import"))
              .withDisabledServer()
              .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
              .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
              .build();
      Runtime.getRuntime().addShutdownHook(new Thread(importNeo4j::close));
    }
    return importNeo4j.boltURI();
  }

  /** A driver for tests that talk to the shared database directly. */
  public static synchronized Driver driver() {
    if (driver == null) {
      driver = GraphDatabase.driver(boltUri(), AuthTokens.none());
    }
    return driver;
  }
}
