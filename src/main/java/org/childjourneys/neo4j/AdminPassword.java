package org.childjourneys.neo4j;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.childjourneys.secrets.SecretFiles;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * The embedded database's admin password: from configuration, or generated once and kept in a file
 * readable only by its owner inside the data directory ({@link SecretFiles}). Never logged.
 */
final class AdminPassword {

  private static final String FILE_NAME = "admin-password";
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private AdminPassword() {}

  static Path file(Path home) {
    return home.resolve(FILE_NAME);
  }

  static String resolve(Path home, String configured) {
    Path file = file(home);
    try {
      if (configured != null && !configured.isBlank()) {
        if (configured.length() < 8) {
          throw new IllegalArgumentException(
              "childjourneys.neo4j.embedded.password must have at least 8 characters");
        }
        return configured;
      }
      return SecretFiles.readOrCreate(file, AdminPassword::generate).value();
    } catch (IOException e) {
      throw EmbeddedNeo4j.unchecked("Cannot read or write the admin password file " + file, e);
    }
  }

  /**
   * Sets the admin password (replacing Neo4j's initial one on first start, or a changed configured
   * one); already being the wanted password is fine.
   */
  static void apply(GraphDatabaseService system, String password) {
    try {
      system.executeTransactionally(
          "ALTER USER " + EmbeddedNeo4j.ADMIN_USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
          Map.of("password", password));
    } catch (QueryExecutionException e) {
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
        throw e;
      }
    }
  }

  private static String generate() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
