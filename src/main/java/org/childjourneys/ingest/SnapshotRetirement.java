package org.childjourneys.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.neo4j.JourneySummaries;
import org.childjourneys.neo4j.Sessions;
import org.neo4j.driver.Driver;

/**
 * A snapshot is the whole truth for its source and coverage window: the source's current facts in
 * that window that the snapshot did not contain are retired. They stay in the graph, marked with
 * when and by which job, so an auditor can still see what was believed before.
 */
final class SnapshotRetirement {

  private static final int BATCH = 10_000;

  private final Driver driver;
  private final String database;

  SnapshotRetirement(Driver driver, String database) {
    this.driver = driver;
    this.database = database;
  }

  void retire(ImportRun run) {
    if (run.kindWindows().isEmpty()) {
      retire(run, run.coveredFrom(), run.coveredTo(), List.copyOf(run.snapshotKinds()));
    } else {
      run.kindWindows().forEach((kind, window) -> retire(run, window[0], window[1], List.of(kind)));
    }
  }

  private void retire(ImportRun run, LocalDate from, LocalDate to, List<String> kinds) {
    List<Map<String, Object>> stale = new ArrayList<>();
    // A READ session: the candidates are read auto-commit, the retirements in write transactions.
    try (var session = driver.session(Sessions.read(database))) {
      session
          .run(
              CypherFile.load("ingest/retire-candidates"),
              Map.of("system", run.system(), "from", from, "to", to, "kinds", kinds))
          .forEachRemaining(
              r -> {
                String label = r.get("label").asString();
                String id = r.get("id").asString();
                if (!run.seen(label, id)) {
                  stale.add(Map.of("label", label, "id", id));
                }
              });
      for (int i = 0; i < stale.size(); i += BATCH) {
        List<Map<String, Object>> rows = stale.subList(i, Math.min(stale.size(), i + BATCH));
        long retired =
            session.executeWrite(
                tx -> {
                  var result =
                      tx.run(
                              CypherFile.load("ingest/retire"),
                              Map.of("rows", rows, "job", run.jobId()))
                          .single();
                  // A retired involvement leaves its child's journey: refresh it in this commit.
                  JourneySummaries.refresh(
                      tx, result.get("children").asList(org.neo4j.driver.Value::asString));
                  return result.get("retired").asLong();
                });
        run.retired(retired);
      }
    }
  }
}
