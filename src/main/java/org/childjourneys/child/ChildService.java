package org.childjourneys.child;

import java.util.Map;
import java.util.Optional;
import org.childjourneys.neo4j.CypherFile;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads one child's record. */
@Service
public class ChildService {

  static final int MAX_EVENTS = 500;

  private final Neo4jClient neo4j;

  ChildService(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  @Transactional(readOnly = true)
  public Optional<ChildView> child(String id, int events) {
    if (events < 1 || events > MAX_EVENTS) {
      throw new IllegalArgumentException(
          "events.first must be between 1 and " + MAX_EVENTS + ", was " + events);
    }
    return neo4j
        .query(CypherFile.load("child/child-by-id"))
        .bindAll(Map.of("id", id, "events", events))
        .fetchAs(ChildView.class)
        .mappedBy(
            (types, r) ->
                ChildView.from(
                    r.get("child"),
                    r.get("records"),
                    r.get("family"),
                    r.get("involvements"),
                    r.get("events")))
        .one();
  }
}
