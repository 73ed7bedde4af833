package org.childjourneys.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.neo4j.Sessions;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Applies the ordered, checksummed Cypher files of {@code cypher/migrations/} once each and records
 * them as {@code (:SchemaMigration)} nodes. A file changed after it was applied is an error: write
 * a new migration instead.
 */
public class SchemaMigrations {

  private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
  private static final String LOCATION = "classpath*:cypher/migrations/*.cypher";

  private final Driver driver;
  private final String database;
  private final Map<String, Object> parameters;

  public SchemaMigrations(Driver driver, String database) {
    this(driver, database, "");
  }

  /**
   * @param homeAuthority the deployment's own local authority ({@code
   *     childjourneys.authority.la-code}, '' when none): the migrations' {@code $homeAuthority},
   *     the owner of data loaded before owners were recorded (V016)
   */
  public SchemaMigrations(Driver driver, String database, String homeAuthority) {
    this.driver = driver;
    this.database = database;
    this.parameters =
        Map.of(
            "homeAuthority",
            homeAuthority == null ? "" : homeAuthority.strip().toUpperCase(java.util.Locale.ROOT));
  }

  /** Applies what is pending and returns the versions applied in this call. */
  public List<Integer> migrate() {
    List<Migration> available = load();
    Map<Integer, String> applied = applied();
    List<Integer> done = new ArrayList<>();
    for (Migration migration : available) {
      String checksum = applied.get(migration.version());
      if (checksum != null) {
        if (!checksum.equals(migration.checksum())) {
          throw new IllegalStateException(
              "Schema migration "
                  + migration.fileName()
                  + " was changed after it was applied (checksum "
                  + checksum
                  + " in the database, "
                  + migration.checksum()
                  + " in the file). Restore the file and add a new migration instead.");
        }
        continue;
      }
      apply(migration);
      done.add(migration.version());
    }
    return done;
  }

  static List<Migration> load() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
      List<Migration> migrations = new ArrayList<>();
      for (Resource resource : resources) {
        Migration m =
            Migration.parse(
                resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
        // The same file reached twice through the class path (a folder and a manifest entry
        // naming it) is one migration; two different files with one version are an error.
        if (!migrations.contains(m)) {
          migrations.add(m);
        }
      }
      migrations.sort(Comparator.comparingInt(Migration::version));
      for (int i = 1; i < migrations.size(); i++) {
        if (migrations.get(i).version() == migrations.get(i - 1).version()) {
          throw new IllegalStateException(
              "Two schema migrations share version "
                  + migrations.get(i).version()
                  + ": "
                  + migrations.get(i - 1).fileName()
                  + " and "
                  + migrations.get(i).fileName());
        }
      }
      return migrations;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read schema migrations from " + LOCATION, e);
    }
  }

  private Map<Integer, String> applied() {
    try (var session = driver.session(Sessions.read(database))) {
      Map<Integer, String> result = new HashMap<>();
      session
          .run("MATCH (m:SchemaMigration) RETURN m.version AS version, m.checksum AS checksum")
          .forEachRemaining(
              r -> result.put(r.get("version").asInt(), r.get("checksum").asString()));
      return result;
    }
  }

  private void apply(Migration migration) {
    long started = System.nanoTime();
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      // Schema commands cannot share a transaction with data writes: one auto-commit each.
      // Every statement uses IF NOT EXISTS, so a migration interrupted half-way re-runs cleanly.
      // Statements may use the deployment's parameters ($homeAuthority); the others ignore them.
      for (String statement : migration.statements()) {
        session.run(statement, statement.contains("$") ? parameters : Map.of()).consume();
      }
      session
          .run(
              """
              CREATE (:SchemaMigration {version: $version, description: $description,
                file: $file, checksum: $checksum, appliedAt: $appliedAt})
              """,
              Map.of(
                  "version", migration.version(),
                  "description", migration.description(),
                  "file", migration.fileName(),
                  "checksum", migration.checksum(),
                  "appliedAt", ZonedDateTime.now()))
          .consume();
    }
    // A bulk-imported store builds its indexes here: an hour covers 1M children on 2 cores.
    try (var session = driver.session(Sessions.read(database))) {
      session.run("CALL db.awaitIndexes(3600)").consume();
    }
    log.info(
        "Applied schema migration {} ({} statements) in {} ms",
        migration.fileName(),
        migration.statements().size(),
        (System.nanoTime() - started) / 1_000_000);
  }
}
