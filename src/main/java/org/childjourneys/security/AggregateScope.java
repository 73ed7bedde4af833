package org.childjourneys.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.childjourneys.neo4j.CypherFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Which facts an aggregate counts for its reader (docs/security.md, "Several authorities in one
 * graph", aggregates; docs/measures.md#aggregates-of-several-authorities): only those recorded by
 * the source systems the reader's authority owns ({@code DataSource.authority}, or none recorded
 * for the deployment's own authority). The aggregate queries take the answer as one parameter,
 * {@code $systems}: the list of those systems, or null for no filter, and test it on facts they
 * have already read ({@code $systems IS NULL OR i.sourceSystem IN $systems}), so no query looks up
 * a DataSource per fact.
 *
 * <p>Null (every fact counts, exactly as before) when the graph holds one authority's data (no
 * source system has an owner other than the deployment's own) and the reader is of it; when the
 * reader's authority is a regional one ({@code childjourneys.security.regional-authorities}); and
 * when no reader is signed in (the service's own jobs and tests calling services directly).
 */
@Component
public class AggregateScope {

  /** The name of the parameter the aggregate queries take. */
  public static final String PARAMETER = "systems";

  private final Neo4jClient neo4j;
  private final Actors actors;
  private final Authorities authorities;
  private final Set<String> regional = new LinkedHashSet<>();

  public AggregateScope(
      Neo4jClient neo4j,
      Actors actors,
      Authorities authorities,
      @Value("${childjourneys.security.regional-authorities:}") List<String> regional) {
    this.neo4j = neo4j;
    this.actors = actors;
    this.authorities = authorities;
    if (regional != null) {
      regional.stream()
          .map(Authorities::normalise)
          .filter(c -> !c.isEmpty())
          .forEach(this.regional::add);
    }
  }

  /**
   * The source systems whose facts an aggregate asked by the current reader counts, sorted; null
   * when it counts every fact (see the class comment).
   */
  public List<String> systems() {
    Optional<Actor> reader = actors.current();
    return reader.isEmpty() ? null : systemsOf(authorities.of(reader.get()));
  }

  /** As {@link #systems()} for a reader of this authority (ONS code; blank: the home one). */
  public List<String> systemsOf(String authority) {
    String reader = authorities.orHome(authority);
    if (regional.contains(reader)) {
      return null;
    }
    Map<String, String> owners = owners();
    String home = authorities.home();
    if (reader.equals(home) && owners.values().stream().allMatch(home::equals)) {
      return null; // one authority's data, asked by it: nothing to leave out
    }
    List<String> own = new ArrayList<>();
    owners.forEach(
        (system, owner) -> {
          if (owner.equals(reader)) {
            own.add(system);
          }
        });
    own.sort(null);
    return List.copyOf(own);
  }

  /** A copy of these query parameters with {@code systems} added for the current reader. */
  public Map<String, Object> with(Map<String, Object> parameters) {
    Map<String, Object> all = new HashMap<>(parameters);
    all.put(PARAMETER, systems());
    return all;
  }

  /** Whether users of this authority see aggregates over every authority in the graph. */
  public boolean regional(String authority) {
    return regional.contains(Authorities.normalise(authority));
  }

  /** Every source system and its owner (the home authority when none is recorded). */
  private Map<String, String> owners() {
    Map<String, String> owners = new HashMap<>();
    neo4j
        .query(CypherFile.load("security/system-owners"))
        .fetch()
        .all()
        .forEach(
            row ->
                owners.put(
                    (String) row.get("system"), authorities.orHome((String) row.get("authority"))));
    return owners;
  }
}
