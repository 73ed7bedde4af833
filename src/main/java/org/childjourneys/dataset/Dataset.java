package org.childjourneys.dataset;

import java.util.Optional;
import org.childjourneys.neo4j.Sessions;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Values;

/**
 * The marker that says what this database holds: synthetic (generated) or real (imported) data.
 * Mixing the two would let synthetic children appear in a real child's search or in published
 * figures, so writers check it first.
 */
public class Dataset {

  /** What the database holds. */
  public enum Kind {
    SYNTHETIC,
    REAL
  }

  /** The marker's content. status is GENERATING while a generator runs, then COMPLETE. */
  public record Marker(Kind kind, String status, boolean mixedAllowed) {}

  private final Driver driver;
  private final String database;
  private final boolean allowMixed;

  public Dataset(Driver driver, String database, boolean allowMixed) {
    this.driver = driver;
    this.database = database;
    this.allowMixed = allowMixed;
  }

  public Optional<Marker> marker() {
    try (var session = driver.session(Sessions.read(database))) {
      var records =
          session
              .run(
                  "MATCH (d:Dataset {id: 'main'}) RETURN d.kind AS kind, d.status AS status,"
                      + " coalesce(d.mixedAllowed, false) AS mixed")
              .list();
      if (records.isEmpty()) {
        return Optional.empty();
      }
      var r = records.get(0);
      return Optional.of(
          new Marker(
              Kind.valueOf(r.get("kind").asString()),
              r.get("status").asString(null),
              r.get("mixed").asBoolean()));
    }
  }

  /** Whether the database holds any children, whoever put them there. */
  public boolean hasPeople() {
    try (var session = driver.session(Sessions.read(database))) {
      return session
          .run("RETURN EXISTS { MATCH (:Child) } OR EXISTS { MATCH (:PersonRecord) } AS any")
          .single()
          .get("any")
          .asBoolean();
    }
  }

  /**
   * Claims the database for data of the given kind before writing it. Fails with a message a data
   * officer can act on when the database already holds the other kind, unless mixing was explicitly
   * allowed with {@code childjourneys.data.allow-mixed=true}.
   */
  public void claim(Kind kind, String status) {
    Optional<Marker> current = marker();
    if (current.isPresent() && current.get().kind() != kind && !allowMixed) {
      throw new MixedDataException(
          "This database holds "
              + current.get().kind().name().toLowerCase()
              + " data; refusing to add "
              + kind.name().toLowerCase()
              + " data to it. Use a separate database, or set"
              + " childjourneys.data.allow-mixed=true if you really mean to mix them.");
    }
    if (current.isEmpty() && hasPeople() && kind == Kind.SYNTHETIC && !allowMixed) {
      throw new MixedDataException(
          "This database already holds people but has no dataset marker, so it may hold real"
              + " data; refusing to add synthetic data to it. Use an empty database.");
    }
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      session
          .run(
              """
              MERGE (d:Dataset {id: 'main'})
                ON CREATE SET d.kind = $kind, d.createdAt = datetime()
              SET d.status = $status, d.updatedAt = datetime(),
                  d.mixedAllowed = coalesce(d.mixedAllowed, false) OR (d.kind <> $kind)
              """,
              Values.parameters("kind", kind.name(), "status", status))
          .consume();
    }
  }

  /** Refused because the write would mix synthetic and real data. */
  public static class MixedDataException extends IllegalStateException {
    public MixedDataException(String message) {
      super(message);
    }
  }
}
