package org.childjourneys.analytics;

import org.childjourneys.neo4j.JourneySummaries;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Rebuilds every journey summary (docs/measures.md#journey-summaries). Not transactional on
 * purpose: the rebuild commits in batches (CALL IN TRANSACTIONS needs an auto-commit transaction).
 */
@Service
public class JourneySummaryRebuild {

  private final Driver driver;
  private final String database;

  JourneySummaryRebuild(
      Driver driver, @Value("${spring.data.neo4j.database:neo4j}") String database) {
    this.driver = driver;
    this.database = database;
  }

  /** Returns the children seen. */
  public long rebuildAll() {
    return JourneySummaries.rebuildAll(driver, database);
  }
}
