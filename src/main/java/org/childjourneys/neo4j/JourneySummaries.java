package org.childjourneys.neo4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Keeps the per-child journey summaries ({@code (:JourneySummary {childId})}, docs/measures.md
 * #journey-summaries) up to date: whatever changes which involvements belong to a child (an import,
 * a merge or unmerge) refreshes the summaries of the children it touched, with the same Cypher
 * ({@code cypher/journeys/refresh-summaries.cypher}) the full rebuild runs per child. Shared
 * infrastructure, so ingest, linkage and the synthetic build need not depend on each other or on
 * analytics, which reads the summaries.
 */
public final class JourneySummaries {

  /** Children per refresh statement: a large import refreshes in several. */
  static final int BATCH = 1000;

  private JourneySummaries() {}

  /** Refreshes the named children's summaries in the caller's transaction (imports). */
  public static void refresh(TransactionContext tx, Collection<String> childIds) {
    for (List<String> batch : batches(childIds)) {
      tx.run(CypherFile.load("journeys/refresh-summaries"), Map.of("childIds", batch)).consume();
    }
  }

  /** Refreshes in the current Spring transaction (linkage merges and unmerges). */
  public static void refresh(Neo4jClient neo4j, Collection<String> childIds) {
    for (List<String> batch : batches(childIds)) {
      neo4j.query(CypherFile.load("journeys/refresh-summaries")).bind(batch).to("childIds").run();
    }
  }

  /** Refreshes in transactions of its own, one per batch of children. */
  public static void refresh(Driver driver, String database, Collection<String> childIds) {
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      for (List<String> batch : batches(childIds)) {
        session.executeWriteWithoutResult(
            tx ->
                tx.run(CypherFile.load("journeys/refresh-summaries"), Map.of("childIds", batch))
                    .consume());
      }
    }
  }

  /**
   * Rebuilds every summary from scratch ({@code cypher/journeys/rebuild-summaries.cypher}, batched
   * with CALL IN TRANSACTIONS, so it needs an auto-commit transaction); returns the children seen.
   */
  public static long rebuildAll(Driver driver, String database) {
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      return session
          .run(CypherFile.load("journeys/rebuild-summaries"))
          .single()
          .get("refreshed")
          .asLong();
    }
  }

  private static List<List<String>> batches(Collection<String> childIds) {
    List<String> ids = childIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += BATCH) {
      batches.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
    }
    return batches;
  }
}
