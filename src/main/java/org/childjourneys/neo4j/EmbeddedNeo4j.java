package org.childjourneys.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j running inside the service's JVM, reachable over Bolt like any server, with authentication
 * on. The service's own Driver connects to it over Bolt, so the code paths are the same as against
 * an external server or a cluster.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

  static final String ADMIN_USER = "neo4j";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

  private final DatabaseManagementService dbms;
  private final URI boltUri;
  private final String password;

  private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri, String password) {
    this.dbms = dbms;
    this.boltUri = boltUri;
    this.password = password;
  }

  /** Starts the database, failing with a message a user can act on when it cannot. */
  public static EmbeddedNeo4j start(EmbeddedNeo4jProperties props) {
    Path home = props.dataDirectory().toAbsolutePath().normalize();
    createDirectory(home);
    if (props.boltPort() != 0) {
      requirePortFree(props.boltAddress(), props.boltPort());
    }
    long started = System.nanoTime();
    DatabaseManagementService dbms;
    try {
      dbms =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(GraphDatabaseSettings.auth_enabled, true)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(
                  BoltConnector.listen_address,
                  new SocketAddress(props.boltAddress(), props.boltPort()))
              .setConfig(BoltConnector.advertised_address, new SocketAddress(props.boltAddress()))
              // Boot's Netty 4.2 cannot host Neo4j's in-JVM local channel; Bolt over TCP is
              // unaffected.
              .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
              .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
              .setConfig(GraphDatabaseSettings.pagecache_memory, props.pageCache().toBytes())
              .setConfig(GraphDatabaseSettings.keep_logical_logs, props.transactionLogRetention())
              .build();
    } catch (RuntimeException e) {
      throw explainStartFailure(e, home, props);
    }
    try {
      String password = AdminPassword.resolve(home, props.password());
      AdminPassword.apply(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
      URI uri = boltUri(dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
      log.info(
          "Embedded Neo4j started in {} ms: data in {}, Bolt on {} (user '{}', password in {})",
          Duration.ofNanos(System.nanoTime() - started).toMillis(),
          home,
          uri,
          ADMIN_USER,
          props.password() == null || props.password().isBlank()
              ? AdminPassword.file(home)
              : "configuration");
      return new EmbeddedNeo4j(dbms, uri, password);
    } catch (RuntimeException e) {
      dbms.shutdown();
      throw e;
    }
  }

  public URI boltUri() {
    return boltUri;
  }

  public String username() {
    return ADMIN_USER;
  }

  public String password() {
    return password;
  }

  /** Direct, in-process access; bypasses Bolt authentication, so only for trusted code. */
  public GraphDatabaseService database() {
    return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
  }

  @Override
  public void close() {
    log.info("Stopping embedded Neo4j");
    dbms.shutdown();
  }

  private static URI boltUri(GraphDatabaseService db) {
    ConnectorPortRegister ports =
        ((GraphDatabaseAPI) db)
            .getDependencyResolver()
            .resolveDependency(ConnectorPortRegister.class);
    var address = ports.getLocalAddress(ConnectorType.BOLT);
    return URI.create("bolt://" + address.getHost() + ":" + address.getPort());
  }

  private static void createDirectory(Path home) {
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new EmbeddedNeo4jException(
          "Cannot create the Neo4j data directory "
              + home
              + " ("
              + e.getMessage()
              + "). Set childjourneys.neo4j.embedded.data-directory to a writable folder.",
          e);
    }
  }

  private static void requirePortFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new EmbeddedNeo4jException(
          "Bolt port "
              + host
              + ":"
              + port
              + " is already in use (is another Neo4j or Child Journeys running?). Stop it, set"
              + " CHILDJOURNEYS_NEO4J_EMBEDDED_BOLT_PORT to another port, or point NEO4J_URI at"
              + " the running server.",
          e);
    }
  }

  private static RuntimeException explainStartFailure(
      RuntimeException e, Path home, EmbeddedNeo4jProperties props) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      String message = String.valueOf(t.getMessage());
      if (name.equals("FileLockException") || message.contains("locked by another process")) {
        return new EmbeddedNeo4jException(
            "The Neo4j data directory "
                + home
                + " is locked by another process (another Child Journeys or Neo4j using the same"
                + " folder?). Stop it, or set CHILDJOURNEYS_NEO4J_EMBEDDED_DATA_DIRECTORY to"
                + " another folder.",
            e);
      }
      if (name.equals("PortBindException") || message.contains("already in use")) {
        return new EmbeddedNeo4jException(
            "Bolt port "
                + props.boltAddress()
                + ":"
                + props.boltPort()
                + " is already in use. Set CHILDJOURNEYS_NEO4J_EMBEDDED_BOLT_PORT to another port.",
            e);
      }
    }
    return new EmbeddedNeo4jException(
        "Embedded Neo4j failed to start with data in " + home + ": " + e.getMessage(), e);
  }

  /** A start-up failure of the embedded database, worded for the person running the service. */
  public static final class EmbeddedNeo4jException extends RuntimeException {
    EmbeddedNeo4jException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static UncheckedIOException unchecked(String what, IOException e) {
    return new UncheckedIOException(what + ": " + e.getMessage(), e);
  }
}
