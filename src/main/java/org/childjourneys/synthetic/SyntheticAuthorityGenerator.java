package org.childjourneys.synthetic;

import static org.childjourneys.synthetic.GraphBatch.row;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.childjourneys.dataset.Dataset;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a synthetic local authority into the database: deterministic for a seed and size,
 * written in batches while the next batch is simulated, with progress in the log.
 */
public class SyntheticAuthorityGenerator {

  private static final Logger log = LoggerFactory.getLogger(SyntheticAuthorityGenerator.class);

  /**
   * Rows per write transaction. Measured on 2 cores: 10-20k rows per transaction wrote about 7k
   * rows/s; 40k rows per transaction halved that (commit cost grows faster than linearly).
   */
  static final int ROWS_PER_TRANSACTION = 10_000;

  static final int WRITERS = 2;

  private final Driver driver;
  private final String database;
  private final Dataset dataset;
  private final String authority;

  public SyntheticAuthorityGenerator(Driver driver, String database, Dataset dataset) {
    this(driver, database, dataset, null);
  }

  /**
   * A generator whose source systems belong to this local authority (ONS code, the deployment's
   * {@code childjourneys.authority.la-code}; null or blank: none recorded, which also means the
   * deployment's own).
   */
  public SyntheticAuthorityGenerator(
      Driver driver, String database, Dataset dataset, String authority) {
    this.driver = driver;
    this.database = database;
    this.dataset = dataset;
    this.authority =
        authority == null || authority.isBlank()
            ? null
            : authority.strip().toUpperCase(java.util.Locale.ROOT);
  }

  /** What a run produced and how long it took. */
  public record Result(SyntheticTally tally, Duration duration, long rowsWritten) {
    public double rowsPerSecond() {
      return rowsWritten / Math.max(0.001, duration.toMillis() / 1000.0);
    }
  }

  /** Simulates without writing: the same families and tally as {@link #generate}. */
  public static SyntheticTally simulate(SyntheticSettings settings) {
    return simulate(settings, batch -> {});
  }

  /** Simulates, handing each batch of rows to the sink (e.g. an export) instead of Neo4j. */
  static SyntheticTally simulate(
      SyntheticSettings settings, java.util.function.Consumer<GraphBatch> sink) {
    SyntheticTally tally = new SyntheticTally();
    produce(settings, tally, sink);
    return tally;
  }

  public Result generate(SyntheticSettings settings) {
    dataset.claim(Dataset.Kind.SYNTHETIC, "GENERATING");
    long started = System.nanoTime();
    SyntheticGraphWriter writer = new SyntheticGraphWriter(driver, database);
    SyntheticTally tally = new SyntheticTally();
    AtomicLong rows = new AtomicLong();
    // Two writers: the server executes one transaction per core. Deadlocks between them (both
    // linking to the same team) are transient and retried by the driver.
    ExecutorService writers =
        Executors.newFixedThreadPool(WRITERS, r -> new Thread(r, "synthetic-writer"));
    Deque<Future<?>> pending = new ArrayDeque<>();
    Progress progress = new Progress(settings.children());
    try {
      produce(
          settings,
          tally,
          batch -> {
            // Simulate the next batch while earlier ones are written; at most WRITERS in flight.
            while (pending.size() >= WRITERS) {
              await(pending.removeFirst());
            }
            rows.addAndGet(batch.rows());
            pending.addLast(
                writers.submit(
                    () -> {
                      writer.write(batch);
                      progress.written(batch.childCount, rows.get());
                    }));
          },
          structure -> {
            writer.writeStructure(structure, dataSources(settings));
            rows.addAndGet(structure.professionalRows.size() + structure.teamRows.size());
          });
      while (!pending.isEmpty()) {
        await(pending.removeFirst());
      }
    } finally {
      writers.shutdownNow();
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - started);
    finish(settings, tally, duration);
    Result result = new Result(tally, duration, rows.get());
    log.info(
        "Synthetic authority of {} children generated in {} s ({} rows, {} rows/s)",
        tally.children(),
        duration.toSeconds(),
        rows.get(),
        Math.round(result.rowsPerSecond()));
    return result;
  }

  private static void await(Future<?> write) {
    try {
      write.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing synthetic data", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Writing synthetic data failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static AuthorityStructure produce(
      SyntheticSettings settings,
      SyntheticTally tally,
      java.util.function.Consumer<GraphBatch> sink) {
    return produce(settings, tally, sink, structure -> {});
  }

  static AuthorityStructure produce(
      SyntheticSettings settings,
      SyntheticTally tally,
      java.util.function.Consumer<GraphBatch> sink,
      java.util.function.Consumer<AuthorityStructure> structureSink) {
    AuthorityStructure authority =
        new AuthorityStructure(
            settings.children(), settings.seed(), settings.windowStart(), settings.referenceDate());
    structureSink.accept(authority);
    FamilySimulator.Counters counters = new FamilySimulator.Counters();
    FamilySimulator simulator = new FamilySimulator(settings, authority, tally, counters);
    GraphBatch batch = new GraphBatch();
    int children = 0;
    long family = 0;
    while (children < settings.children()) {
      children += simulator.simulate(family++, settings.children() - children, batch);
      if (batch.rows() >= ROWS_PER_TRANSACTION) {
        sink.accept(batch);
        batch = new GraphBatch();
      }
    }
    if (batch.rows() > 0) {
      sink.accept(batch);
    }
    return authority;
  }

  static List<Map<String, Object>> dataSources(SyntheticSettings settings) {
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, List<String>> services =
        Map.of(
            "SYN_SOCIAL_CARE", List.of("SOCIAL_CARE", "UNIVERSAL"),
            "SYN_EARLY_HELP", List.of("EARLY_HELP"),
            "SYN_EDUCATION", List.of("EDUCATION", "SEND_NEET"),
            "SYN_HEALTH", List.of("HEALTH", "UNIVERSAL"),
            "SYN_YOUTH_JUSTICE", List.of("YOUTH_JUSTICE"),
            "SYN_POLICE", List.of("POLICE"),
            "SYN_HOUSING", List.of("HOUSING"));
    services.forEach(
        (system, covered) ->
            rows.add(
                row(
                    "system",
                    system,
                    "name",
                    system.substring(4).replace('_', ' ').toLowerCase() + " (synthetic)",
                    "services",
                    covered,
                    "organisation",
                    "LA-" + AuthorityStructure.LA_CODE,
                    "coveredFrom",
                    settings.coverageFrom(system),
                    "coveredTo",
                    settings.referenceDate(),
                    "asAt",
                    settings.referenceDate())));
    return rows;
  }

  private void finish(SyntheticSettings settings, SyntheticTally tally, Duration duration) {
    // Every child's journey summary, before the authority is marked complete.
    org.childjourneys.neo4j.JourneySummaries.rebuildAll(driver, database);
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      session
          .run(
              """
              MATCH (d:Dataset {id: 'main'})
              SET d.status = 'COMPLETE', d.seed = $seed, d.children = $children,
                  d.referenceDate = $referenceDate, d.windowStart = $windowStart,
                  d.generatedAt = datetime(), d.generationSeconds = $seconds,
                  d.name = $name
              WITH d
              MATCH (s:DataSource) WHERE s.synthetic
              SET s.lastImport = datetime(), s.authority = coalesce(s.authority, $authority)
              """,
              Values.parameters(
                  "seed", settings.seed(),
                  "children", tally.children(),
                  "referenceDate", settings.referenceDate(),
                  "windowStart", settings.windowStart(),
                  "seconds", duration.toMillis() / 1000.0,
                  "name", AuthorityStructure.LA_NAME,
                  "authority", authority))
          .consume();
      session
          .run(org.childjourneys.neo4j.CypherFile.load("synthetic/population-estimates"))
          .consume();
    }
  }

  /** Completes an authority loaded by {@link SyntheticBulkImport} once the schema exists. */
  public void finishBulkImport() {
    org.childjourneys.neo4j.JourneySummaries.rebuildAll(driver, database);
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      session
          .run(
              org.childjourneys.neo4j.CypherFile.load("synthetic/finish-bulk-import"),
              java.util.Collections.singletonMap("authority", authority))
          .consume();
      session
          .run(org.childjourneys.neo4j.CypherFile.load("synthetic/population-estimates"))
          .consume();
    }
  }

  /** Deletes a half-written synthetic authority (a run that crashed) so it can be regenerated. */
  public void deleteIncompleteSyntheticData() {
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      session
          .run(
              """
              MATCH (n) WHERE n.synthetic = true OR n:Dataset
              CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
              """)
          .consume();
    }
  }

  /** Logs progress every 10% or every 5 seconds, whichever comes first. */
  private static final class Progress {
    private final int total;
    private final long started = System.nanoTime();
    private long written;
    private long lastLog = System.nanoTime();
    private long lastPercent;

    Progress(int total) {
      this.total = total;
    }

    synchronized void written(int children, long rows) {
      written += children;
      long percent = written * 100 / total;
      long now = System.nanoTime();
      if (percent / 10 > lastPercent / 10 || now - lastLog > 5_000_000_000L) {
        double seconds = (now - started) / 1e9;
        log.info(
            "Generating synthetic authority: {}% ({} of {} children, {} rows/s)",
            percent, written, total, Math.round(rows / Math.max(0.001, seconds)));
        lastLog = now;
        lastPercent = percent;
      }
    }
  }
}
