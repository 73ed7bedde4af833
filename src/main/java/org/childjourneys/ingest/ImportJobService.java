package org.childjourneys.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.childjourneys.dataset.Dataset;
import org.childjourneys.linkage.LinkageEngine;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.neo4j.Sessions;
import org.childjourneys.security.Authorities;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Runs import jobs one at a time (a single writer, so concurrent uploads cannot race to create the
 * same nodes), keeps each job's state, progress, counts and rejections in the graph, and resumes
 * jobs the service was running or had queued when it stopped: every write is keyed, so a resumed
 * job ends in the same state as an uninterrupted one.
 */
@Service
public class ImportJobService implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ImportJobService.class);
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Driver driver;
  private final String database;
  private final Dataset dataset;
  private final Path directory;
  private final Map<ImportFormat, Importer> importers = new HashMap<>();
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "import-writer");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, ImportJob> live = new ConcurrentHashMap<>();
  private final LinkageEngine linkage;
  private final Authorities authorities;

  ImportJobService(
      Driver driver,
      Authorities authorities,
      @org.springframework.beans.factory.annotation.Value("${spring.data.neo4j.database:neo4j}")
          String database,
      Dataset dataset,
      LinkageEngine linkage,
      @org.springframework.beans.factory.annotation.Value(
              "${childjourneys.import.directory:data/imports}")
          Path directory) {
    this.driver = driver;
    this.authorities = authorities;
    this.linkage = linkage;
    this.database = database;
    this.dataset = dataset;
    this.directory = directory;
    for (Importer i :
        List.of(
            new Ssda903Importer(),
            new CinCensusImporter(),
            new AnnexAImporter(),
            new GenericCsvImporter(),
            new DirectoryImporter(),
            new GiasImporter(),
            new OdsImporter(),
            new IndicatorsImporter(),
            new NeighboursImporter(),
            new PopulationImporter(),
            new ImdImporter())) {
      importers.put(i.format(), i);
    }
  }

  /** The folder a new job's files go into; the caller copies them there, then calls submit. */
  public Path newJobFolder(String jobId) {
    Path folder = directory.resolve(jobId);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the import folder " + folder, e);
    }
    return folder;
  }

  public String newJobId() {
    return "J"
        + OffsetDateTime.now(ZoneOffset.UTC).format(ID_TIME)
        + "-"
        + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
  }

  /** Queues a job for whoever submitted it (a user's name, or the drop folder); returns it. */
  public ImportJob submit(String jobId, ImportRequest request, String submittedBy) {
    if (!importers.containsKey(request.format())) {
      throw new IllegalArgumentException("No importer for format " + request.format().cliName());
    }
    if (request.files().isEmpty()) {
      throw new IllegalArgumentException("No files to import");
    }
    Map<String, Object> props = new HashMap<>();
    props.put("format", request.format().cliName());
    props.put("system", request.system());
    props.put("mode", request.mode().name());
    props.put("laCode", request.laCode());
    props.put("authority", request.authority());
    props.put("referenceDate", request.referenceDate());
    props.put("files", request.files().stream().map(p -> p.getFileName().toString()).toList());
    props.put("paths", request.files().stream().map(Path::toString).toList());
    props.put("status", "QUEUED");
    props.put("phase", "queued");
    props.put("submittedAt", OffsetDateTime.now(ZoneOffset.UTC));
    props.put("submittedBy", submittedBy);
    props.put("attempts", 0);
    save(jobId, props);
    ImportJob job = load(jobId).orElseThrow();
    writer.submit(() -> run(jobId, request));
    return job;
  }

  /** Re-queues the jobs that were queued or running when the service stopped. */
  public int resumeUnfinished() {
    List<Node> unfinished;
    try (var session = driver.session(Sessions.read(database))) {
      unfinished =
          session.run(CypherFile.load("ingest/jobs-unfinished")).list(r -> r.get("j").asNode());
    }
    int resumed = 0;
    for (Node n : unfinished) {
      String id = n.get("id").asString();
      try {
        ImportRequest request =
            new ImportRequest(
                ImportFormat.parse(n.get("format").asString()),
                n.get("system").asString(null),
                n.get("laCode").asString(null),
                n.get("referenceDate").isNull() ? null : n.get("referenceDate").asLocalDate(),
                ImportMode.valueOf(n.get("mode").asString()),
                n.get("paths").asList(v -> Path.of(v.asString())),
                n.get("authority").asString(null));
        log.info(
            "Resuming import job {} ({}), interrupted when the service stopped",
            id,
            request.format().cliName());
        writer.submit(() -> run(id, request));
        resumed++;
      } catch (RuntimeException e) {
        save(id, Map.of("status", "FAILED", "error", "Cannot resume: " + e.getMessage()));
      }
    }
    return resumed;
  }

  public Optional<ImportJob> find(String id) {
    ImportJob running = live.get(id);
    return running != null ? Optional.of(running) : load(id);
  }

  private Optional<ImportJob> load(String id) {
    try (var session = driver.session(Sessions.read(database))) {
      var records = session.run(CypherFile.load("ingest/job-by-id"), Map.of("id", id)).list();
      return records.isEmpty()
          ? Optional.empty()
          : Optional.of(view(records.get(0).get("j").asNode()));
    }
  }

  public List<ImportJob> recent(int limit) {
    try (var session = driver.session(Sessions.read(database))) {
      return session
          .run(CypherFile.load("ingest/jobs-recent"), Map.of("limit", limit))
          .list(
              r ->
                  live.getOrDefault(
                      r.get("j").asNode().get("id").asString(), view(r.get("j").asNode())));
    }
  }

  /** Streams a job's rejections, in file order, to the consumer (for the CSV report). */
  /** The rejection report as CSV (file, location, field, value, reason), as users download it. */
  public void writeRejectionsCsv(String jobId, java.io.Writer writer) throws IOException {
    try (org.apache.commons.csv.CSVPrinter csv =
        org.apache.commons.csv.CSVFormat.DEFAULT
            .builder()
            .setHeader("file", "location", "field", "value", "reason")
            .setAutoFlush(true)
            .get()
            .print(
                new java.io.FilterWriter(writer) {
                  @Override
                  public void close() throws IOException {
                    flush(); // the caller owns the writer
                  }
                })) {
      rejections(
          jobId,
          r -> {
            try {
              csv.printRecord(r.file(), r.location(), r.field(), r.value(), r.reason());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  public void rejections(String jobId, Consumer<Rejection> consumer) {
    int page = 10_000;
    for (int skip = 0; ; skip += page) {
      List<Rejection> rows;
      try (var session = driver.session(Sessions.read(database))) {
        rows =
            session
                .run(
                    CypherFile.load("ingest/rejections-by-job"),
                    Map.of("job", jobId, "skip", skip, "limit", page))
                .list(
                    r ->
                        new Rejection(
                            r.get("file").asString(null),
                            r.get("location").asString(null),
                            r.get("field").asString(null),
                            r.get("value").asString(null),
                            r.get("reason").asString(null)));
      }
      rows.forEach(consumer);
      if (rows.size() < page) {
        return;
      }
    }
  }

  /** Waits for a job to finish (tests, the command line); returns its final state. */
  public ImportJob await(String id, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ImportJob> job = find(id);
      if (job.isPresent() && job.get().finished()) {
        return job.get();
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Import job " + id + " did not finish within " + timeout);
  }

  private void run(String jobId, ImportRequest request) {
    long started = System.nanoTime();
    AtomicLong seq = new AtomicLong();
    long[] lastProgress = {0};
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      session.run(CypherFile.load("ingest/rejections-clear"), Map.of("job", jobId)).consume();
    }
    Map<String, Object> start = new HashMap<>();
    start.put("status", "RUNNING");
    start.put("phase", "starting");
    start.put("startedAt", OffsetDateTime.now(ZoneOffset.UTC));
    start.put("error", null);
    save(jobId, start);
    saveIncrement(jobId);
    ImportRun run =
        new ImportRun(
            jobId,
            request,
            new GraphUpserter(driver, database, linkage),
            rejections -> saveRejections(jobId, rejections, seq),
            r -> {
              long now = System.nanoTime();
              if (now - lastProgress[0] > 500_000_000L) {
                lastProgress[0] = now;
                publish(jobId, r, "RUNNING", null, started);
              }
            });
    publish(jobId, run, "RUNNING", null, started);
    try {
      if (request.format().claimsDataset()) {
        dataset.claim(Dataset.Kind.REAL, "COMPLETE");
      }
      if (request.format().holdsChildRecords()) {
        claimSource(run);
      }
      importers.get(request.format()).read(run);
      run.flushRejections();
      // A snapshot that names no kinds of fact (directories, GIAS, ODS) can retire nothing.
      if (request.mode() == ImportMode.SNAPSHOT
          && run.coveredFrom() != null
          && !run.snapshotKinds().isEmpty()) {
        run.phase("retiring records the snapshot no longer holds");
        new SnapshotRetirement(driver, database).retire(run);
      }
      run.phase("recording the source's coverage");
      recordDataSource(run);
      run.phase("done");
      publish(jobId, run, "SUCCEEDED", null, started);
      log.info("Import job {} finished: {}", jobId, run.counts());
    } catch (ImportFailedException | Dataset.MixedDataException e) {
      run.flushRejections();
      publish(jobId, run, "FAILED", e.getMessage(), started);
      log.warn("Import job {} failed: {}", jobId, e.getMessage());
    } catch (IOException | RuntimeException | Error e) {
      // Errors too: a job must never be left RUNNING while nothing runs it.
      try {
        run.flushRejections();
        publish(
            jobId, run, "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage(), started);
      } catch (RuntimeException secondary) {
        e.addSuppressed(secondary);
      }
      log.error("Import job {} failed", jobId, e);
      if (e instanceof VirtualMachineError vmError) {
        throw vmError;
      }
    } finally {
      live.remove(jobId);
    }
  }

  /**
   * The local authority code an import names (its ONS code, e.g. E06000001), upper case; null when
   * blank (the deployment's own).
   *
   * @throws IllegalArgumentException when it is not an ONS code
   */
  public static String authority(String code) {
    String c = Authorities.normalise(code);
    if (c.isEmpty()) {
      return null;
    }
    if (!c.matches("[EWSN]\\d{8}")) {
      throw new IllegalArgumentException(
          "authority must be the local authority's ONS code, e.g. E06000001; was " + code.strip());
    }
    return c;
  }

  /**
   * Records the job's authority as the owner of its source system before any record is written, so
   * no reader ever sees the records under another owner; refuses a system another authority owns
   * (each authority's feeds come from systems of its own: name them apart with --system).
   */
  private void claimSource(ImportRun run) {
    String authority = authorities.orHome(run.request().authority());
    Map<String, Object> params = new HashMap<>();
    params.put("system", run.system());
    params.put("authority", authority);
    params.put("home", authorities.home());
    params.put("job", run.jobId());
    String owner;
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      owner =
          session.executeWrite(
              tx ->
                  tx.run(CypherFile.load("ingest/claim-data-source"), params)
                      .single()
                      .get("owner")
                      .asString(""));
    }
    if (!owner.equals(authority)) {
      throw new ImportFailedException(
          "Source system "
              + run.system()
              + " belongs to "
              + (owner.isEmpty() ? "the deployment's own authority" : "authority " + owner)
              + ", not "
              + (authority.isEmpty() ? "the deployment's own authority" : authority)
              + ": import another authority's records under a system of its own (system=...)");
    }
  }

  private void recordDataSource(ImportRun run) {
    if (run.coveredFrom() == null) {
      return;
    }
    LocalDate asAt = run.referenceDate() != null ? run.referenceDate() : run.coveredTo();
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      Map<String, Object> params = new HashMap<>();
      params.put("system", run.system());
      params.put("name", run.request().format().description());
      params.put("services", List.of(serviceOf(run.request().format())));
      params.put("from", run.coveredFrom());
      params.put("to", run.coveredTo());
      params.put("asAt", asAt);
      params.put("job", run.jobId());
      session.executeWriteWithoutResult(
          tx -> tx.run(CypherFile.load("ingest/record-data-source"), params).consume());
    }
  }

  private static String serviceOf(ImportFormat format) {
    return switch (format) {
      case SSDA903, CIN, ANNEXA -> "SOCIAL_CARE";
      case DIRECTORY, GIAS, ODS -> "DIRECTORY";
      case CSV -> "MULTI_AGENCY";
      case INDICATORS, NEIGHBOURS, POPULATION, IMD -> "STATISTICS";
    };
  }

  private void publish(String jobId, ImportRun run, String status, String error, long started) {
    ImportCounts c = run.counts();
    Map<String, Object> props = new HashMap<>();
    props.put("status", status);
    props.put("phase", run.phase());
    props.put("progressDone", run.progressDone());
    props.put("progressTotal", run.progressTotal());
    props.put("read", c.read());
    props.put("created", c.created());
    props.put("updated", c.updated());
    props.put("unchanged", c.unchanged());
    props.put("retired", c.retired());
    props.put("rejected", c.rejected());
    props.put("referenceDate", run.referenceDate());
    props.put("coveredFrom", run.coveredFrom());
    props.put("coveredTo", run.coveredTo());
    props.put("durationMs", (System.nanoTime() - started) / 1_000_000);
    props.put("error", error);
    if (!"RUNNING".equals(status)) {
      props.put("finishedAt", OffsetDateTime.now(ZoneOffset.UTC));
    }
    save(jobId, props);
    if ("RUNNING".equals(status)) {
      load(jobId).ifPresent(j -> live.put(jobId, j));
    } else {
      live.remove(jobId);
    }
  }

  private void saveRejections(String jobId, List<Rejection> rejections, AtomicLong seq) {
    List<Map<String, Object>> rows = new ArrayList<>(rejections.size());
    for (Rejection r : rejections) {
      rows.add(
          Staged.row(
              "seq",
              seq.incrementAndGet(),
              "file",
              r.file(),
              "location",
              r.location(),
              "field",
              r.field(),
              "value",
              r.value(),
              "reason",
              r.reason()));
    }
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      session.executeWriteWithoutResult(
          tx ->
              tx.run(CypherFile.load("ingest/rejections-save"), Map.of("job", jobId, "rows", rows))
                  .consume());
    }
  }

  private void save(String jobId, Map<String, Object> props) {
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      session.executeWriteWithoutResult(
          tx ->
              tx.run(CypherFile.load("ingest/job-save"), Map.of("id", jobId, "props", props))
                  .consume());
    }
  }

  private void saveIncrement(String jobId) {
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      session.executeWriteWithoutResult(
          tx ->
              tx.run(
                      "MATCH (j:ImportJob {id: $id}) SET j.attempts = coalesce(j.attempts, 0) + 1",
                      Map.of("id", jobId))
                  .consume());
    }
  }

  private static ImportJob view(Node n) {
    long total = n.get("progressTotal").asLong(0);
    String status = n.get("status").asString(null);
    Double percent =
        "SUCCEEDED".equals(status)
            ? Double.valueOf(100.0)
            : total > 0
                ? Math.min(
                    99.9, Math.round(1000.0 * n.get("progressDone").asLong(0) / total) / 10.0)
                : null;
    return new ImportJob(
        n.get("id").asString(),
        n.get("format").asString(null),
        n.get("system").asString(null),
        n.get("mode").asString(null),
        n.get("files").isNull() ? List.of() : n.get("files").asList(Value::asString),
        status,
        n.get("phase").asString(null),
        percent,
        new ImportCounts(
            n.get("read").asLong(0),
            n.get("created").asLong(0),
            n.get("updated").asLong(0),
            n.get("unchanged").asLong(0),
            n.get("retired").asLong(0),
            n.get("rejected").asLong(0)),
        dateTime(n.get("submittedAt")),
        n.get("submittedBy").asString(null),
        dateTime(n.get("startedAt")),
        dateTime(n.get("finishedAt")),
        n.get("durationMs").isNull() ? null : n.get("durationMs").asLong(),
        date(n.get("referenceDate")),
        date(n.get("coveredFrom")),
        date(n.get("coveredTo")),
        n.get("error").asString(null),
        n.get("attempts").asInt(0));
  }

  private static OffsetDateTime dateTime(Value v) {
    return v.isNull() ? null : v.asOffsetDateTime();
  }

  private static LocalDate date(Value v) {
    return v.isNull() ? null : v.asLocalDate();
  }

  @Override
  public void destroy() {
    writer.shutdownNow();
  }
}
