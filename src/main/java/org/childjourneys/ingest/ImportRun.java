package org.childjourneys.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One running import as its importer sees it: where to send staged batches and rejections, how to
 * report progress, and the coverage window the files speak for.
 */
final class ImportRun {

  private final String jobId;
  private final ImportRequest request;
  private final GraphUpserter upserter;
  private final Consumer<List<Rejection>> rejectionSink;
  private final Consumer<ImportRun> progressSink;
  private final List<Rejection> pendingRejections = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final Set<String> snapshotKinds = new HashSet<>();
  private final Map<String, LocalDate[]> kindWindows = new LinkedHashMap<>();
  private ImportCounts counts = ImportCounts.NONE;
  private long progressDone;
  private long progressTotal;
  private String phase = "reading";
  private LocalDate coveredFrom;
  private LocalDate coveredTo;
  private LocalDate referenceDate;

  ImportRun(
      String jobId,
      ImportRequest request,
      GraphUpserter upserter,
      Consumer<List<Rejection>> rejectionSink,
      Consumer<ImportRun> progressSink) {
    this.jobId = jobId;
    this.request = request;
    this.upserter = upserter;
    this.rejectionSink = rejectionSink;
    this.progressSink = progressSink;
    this.referenceDate = request.referenceDate();
  }

  String jobId() {
    return jobId;
  }

  ImportRequest request() {
    return request;
  }

  String system() {
    return request.system();
  }

  /** Writes a staged batch now (one transaction) and counts what it changed. */
  void write(Staged batch) {
    if (batch.isEmpty() && batch.sourceRecords == 0) {
      return;
    }
    GraphUpserter.Written written = upserter.write(batch, jobId);
    for (String[] fact : written.facts()) {
      seen.add(fact[0] + "|" + fact[1]);
    }
    counts =
        counts.plus(written.counts()).plus(new ImportCounts(batch.sourceRecords, 0, 0, 0, 0, 0));
    flushRejections();
    progressSink.accept(this);
  }

  /**
   * Writes named statements in one transaction (directories, GIAS, ODS) and counts what they
   * changed; sourceRecords is how many source rows the batch stands for.
   */
  void writeRows(long sourceRecords, List<GraphUpserter.Rows> statements) {
    ImportCounts written =
        statements.stream().allMatch(s -> s.rows().isEmpty())
            ? ImportCounts.NONE
            : upserter.writeRows(statements);
    counts = counts.plus(written).plus(new ImportCounts(sourceRecords, 0, 0, 0, 0, 0));
    flushRejections();
    progressSink.accept(this);
  }

  /** Rows for one named statement, written every {@code size} rows (a transaction each). */
  RowBatch rowBatch(String statement, int size) {
    return new RowBatch(statement, size);
  }

  /**
   * Collects the rows of one named statement and writes them in batches, counting the source
   * records they stand for (a record may give no row, e.g. a regional line).
   */
  final class RowBatch {
    private final String statement;
    private final int size;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private long records;

    private RowBatch(String statement, int size) {
      this.statement = statement;
      this.size = size;
    }

    /** One source record read (counted with the next write). */
    void countRecord() {
      records++;
    }

    /** A row for the statement; a full batch is written. */
    void add(Map<String, Object> row) {
      rows.add(row);
      if (rows.size() >= size) {
        flush();
      }
    }

    /** Writes what is left. */
    void flush() {
      writeRows(records, List.of(new GraphUpserter.Rows(statement, List.copyOf(rows))));
      rows.clear();
      records = 0;
    }
  }

  void reject(String file, String location, String field, String value, String reason) {
    pendingRejections.add(new Rejection(file, location, field, value, reason));
    counts = counts.plus(new ImportCounts(0, 0, 0, 0, 0, 1));
    if (pendingRejections.size() >= 1000) {
      flushRejections();
    }
  }

  /** A source record was rejected as a whole: it counts as read too. */
  void rejectRecord(String file, String location, String field, String value, String reason) {
    counts = counts.plus(new ImportCounts(1, 0, 0, 0, 0, 0));
    reject(file, location, field, value, reason);
  }

  void flushRejections() {
    if (!pendingRejections.isEmpty()) {
      rejectionSink.accept(List.copyOf(pendingRejections));
      pendingRejections.clear();
    }
  }

  boolean seen(String label, String id) {
    return seen.contains(label + "|" + id);
  }

  void retired(long n) {
    counts = counts.plus(new ImportCounts(0, 0, 0, 0, n, 0));
  }

  /** The window of time the files are the whole truth for (used by snapshot retirement). */
  void coverage(LocalDate from, LocalDate to) {
    this.coveredFrom = from;
    this.coveredTo = to;
  }

  /**
   * A snapshot whose record types each cover their own window (Annex A lists): facts of that kind
   * are retired only inside its window. The job's coverage becomes the span of all of them.
   */
  void coverage(String kind, LocalDate from, LocalDate to) {
    kindWindows.put(kind, new LocalDate[] {from, to});
    snapshotKinds.add(kind);
    coveredFrom = coveredFrom == null || from.isBefore(coveredFrom) ? from : coveredFrom;
    coveredTo = coveredTo == null || to.isAfter(coveredTo) ? to : coveredTo;
  }

  Map<String, LocalDate[]> kindWindows() {
    return kindWindows;
  }

  /** Directory entries (label Team or Professional) by name key, to resolve names to ids. */
  List<GraphUpserter.NamedEntry> directoryNames() {
    return upserter.directoryNames();
  }

  /** The kinds of fact this snapshot's files speak for (only those can be retired). */
  void snapshotKinds(Set<String> kinds) {
    snapshotKinds.addAll(kinds);
  }

  Set<String> snapshotKinds() {
    return snapshotKinds;
  }

  LocalDate coveredFrom() {
    return coveredFrom;
  }

  LocalDate coveredTo() {
    return coveredTo;
  }

  LocalDate referenceDate() {
    return referenceDate;
  }

  void referenceDate(LocalDate date) {
    this.referenceDate = date;
  }

  /** Reads one file of an import. */
  interface FileReader {
    void read(java.nio.file.Path file) throws java.io.IOException;
  }

  /**
   * The request's CSV files (a folder's, or those given), read one at a time by {@code reader},
   * with the file being read as the phase and progress by bytes.
   */
  void eachCsvFile(FileReader reader) throws java.io.IOException {
    List<java.nio.file.Path> files = Ssda903Importer.csvFiles(request().files());
    long total = 0;
    for (java.nio.file.Path f : files) {
      total += java.nio.file.Files.size(f);
    }
    long done = 0;
    for (java.nio.file.Path file : files) {
      phase("reading " + file.getFileName());
      reader.read(file);
      done += java.nio.file.Files.size(file);
      progress(done, total);
    }
  }

  void progress(long done, long total) {
    this.progressDone = done;
    this.progressTotal = total;
  }

  long progressDone() {
    return progressDone;
  }

  long progressTotal() {
    return progressTotal;
  }

  void phase(String phase) {
    this.phase = phase;
    progressSink.accept(this);
  }

  String phase() {
    return phase;
  }

  ImportCounts counts() {
    return counts;
  }
}
