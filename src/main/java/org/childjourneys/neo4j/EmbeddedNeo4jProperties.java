package org.childjourneys.neo4j;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the in-process Neo4j that runs when no external server is configured.
 *
 * @param dataDirectory where the database lives; survives restarts and {@code mvn clean}
 * @param boltAddress interface Bolt listens on; loopback by default so only this machine connects
 * @param boltPort Bolt port; 0 picks a free port (tests)
 * @param password admin password; when blank, one is generated on first start and kept in the data
 *     directory
 * @param pageCache off-heap page cache for the store files
 * @param transactionLogRetention how much transaction log Neo4j keeps (a Neo4j retention policy)
 */
@ConfigurationProperties("childjourneys.neo4j.embedded")
public record EmbeddedNeo4jProperties(
    Path dataDirectory,
    String boltAddress,
    Integer boltPort,
    String password,
    DataSize pageCache,
    String transactionLogRetention) {

  public EmbeddedNeo4jProperties {
    dataDirectory = dataDirectory == null ? Path.of("data", "neo4j") : dataDirectory;
    boltAddress = boltAddress == null || boltAddress.isBlank() ? "127.0.0.1" : boltAddress;
    boltPort = boltPort == null ? 7687 : boltPort;
    pageCache = pageCache == null ? DataSize.ofMegabytes(512) : pageCache;
    transactionLogRetention =
        transactionLogRetention == null || transactionLogRetention.isBlank()
            ? "512M size"
            : transactionLogRetention;
  }
}
