package org.childjourneys.neo4j;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Named read queries for the hot read models (a child's record, its chronology, who is in touch),
 * each run as one auto-commit read transaction: on this stack a managed transaction costs several
 * Bolt round trips more per statement (measured in docs/benchmarks.md), and each of these reads
 * stands alone. Read access mode, so a cluster routes them to its readers.
 */
@Component
public class ReadQueries {

  private final Driver driver;
  private final SessionConfig config;

  ReadQueries(Driver driver, @Value("${spring.data.neo4j.database:neo4j}") String database) {
    this.driver = driver;
    this.config =
        SessionConfig.builder()
            .withDatabase(database)
            .withDefaultAccessMode(AccessMode.READ)
            .build();
  }

  /** The rows of {@code cypher/<name>.cypher} with these parameters, each mapped. */
  public <T> List<T> list(String name, Map<String, ?> params, Function<Record, T> row) {
    try (Session session = driver.session(config)) {
      return session.run(CypherFile.load(name), Map.copyOf(nonNull(params))).list(row::apply);
    }
  }

  private static Map<String, Object> nonNull(Map<String, ?> params) {
    // Map.copyOf refuses nulls; a null parameter is a Cypher null all the same
    java.util.HashMap<String, Object> copy = new java.util.HashMap<>(params);
    copy.replaceAll((k, v) -> v == null ? org.neo4j.driver.Values.NULL : v);
    return copy;
  }
}
