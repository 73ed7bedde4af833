package org.childjourneys.synthetic;

import java.util.List;
import java.util.Map;
import org.childjourneys.neo4j.CypherFile;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes generated rows with parameterised UNWIND statements, one transaction per batch. */
final class SyntheticGraphWriter {

  private static final Logger log = LoggerFactory.getLogger(SyntheticGraphWriter.class);

  private final Driver driver;
  private final String database;

  SyntheticGraphWriter(Driver driver, String database) {
    this.driver = driver;
    this.database = database;
  }

  void writeStructure(AuthorityStructure authority, List<Map<String, Object>> dataSources) {
    inTransaction(
        tx -> {
          run(tx, "write-areas", authority.areaRows);
          run(tx, "link-areas", authority.areaRows);
          run(tx, "write-organisations", authority.organisationRows);
          run(tx, "write-teams", authority.teamRows);
          run(tx, "write-professionals", authority.professionalRows);
          run(tx, "write-data-sources", dataSources);
        });
  }

  void write(GraphBatch batch) {
    inTransaction(
        tx -> {
          run(tx, "write-households", batch.addresses);
          run(tx, "write-children", batch.children);
          run(tx, "write-adults", batch.adults);
          run(tx, "write-family", batch.family);
          run(tx, "write-siblings", batch.siblings);
          run(tx, "write-person-records", batch.records);
          run(tx, "write-identifiers", batch.identifiers);
          run(tx, "write-involvements", batch.involvements);
          run(tx, "write-part-of", batch.partOf);
          run(tx, "write-allocations", batch.allocations);
          run(tx, "write-events", batch.events);
          run(tx, "write-contacts", batch.contacts);
          run(tx, "write-placements", batch.placements);
        });
  }

  private void inTransaction(java.util.function.Consumer<TransactionContext> work) {
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      long started = System.nanoTime();
      session.executeWriteWithoutResult(work);
      log.debug("Batch written and committed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
  }

  private static void run(TransactionContext tx, String name, List<Map<String, Object>> rows) {
    if (!rows.isEmpty()) {
      long started = System.nanoTime();
      tx.run(CypherFile.load("synthetic/" + name), Map.of("rows", rows)).consume();
      if (log.isDebugEnabled()) {
        log.debug(
            "{}: {} rows in {} ms", name, rows.size(), (System.nanoTime() - started) / 1_000_000);
      }
    }
  }
}
