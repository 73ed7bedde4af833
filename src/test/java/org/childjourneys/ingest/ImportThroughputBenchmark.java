package org.childjourneys.ingest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.childjourneys.BenchmarkStore;
import org.childjourneys.ChildJourneysApplication;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.synthetic.SyntheticExport;
import org.childjourneys.synthetic.SyntheticSettings;
import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Import throughput into a graph that already holds a synthetic authority (100,000 children by
 * default), through the service's own import jobs, against a plain {@code LOAD CSV ... CALL {} IN
 * TRANSACTIONS} script loading the same rows into the same database in the same run.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:exec@import-benchmark} (first run builds the
 * authority's store under target/bench, about 4 minutes; later runs reuse it). Each run imports
 * under new system names, so every row is new to the graph.
 */
public final class ImportThroughputBenchmark {

  private static final long SEED = 20181001L;

  public static void main(String[] args) throws Exception {
    int children = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int feedChildren = args.length > 1 ? Integer.parseInt(args[1]) : 15_000;
    Path home = BenchmarkStore.HOME;
    Path run = BenchmarkStore.runDirectory("import");
    // New system names for each run, so every row is new to the graph.
    String tag = run.getFileName().toString().substring("import-".length());

    long started = System.nanoTime();
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(ChildJourneysApplication.class)
            .run(
                BenchmarkStore.arguments(
                    children,
                    run,
                    "--childjourneys.neo4j.embedded.bolt-port=17688",
                    "--logging.level.org.childjourneys.ingest.ImportThroughputBenchmark=INFO",
                    // BENCH_DEBUG=1 prints the time of each statement of each import batch.
                    "--logging.level.org.childjourneys.ingest.GraphUpserter="
                        + (System.getenv("BENCH_DEBUG") != null ? "DEBUG" : "WARN")));
    System.out.printf(
        "Service ready on a %,d-child authority in %.0f s%n", children, seconds(started));
    try {
      Driver driver = context.getBean(Driver.class);
      ImportJobService jobs = context.getBean(ImportJobService.class);
      long graphChildren =
          driver
              .executableQuery("MATCH (c:Child) RETURN count(c) AS n")
              .execute()
              .records()
              .get(0)
              .get("n")
              .asLong();

      // The same rows for both loaders: a generic CSV feed about existing children (found by
      // NHS number), and the synthetic authority's own SSDA903 episodes (found by LA child id).
      List<String> nhs =
          driver
              .executableQuery(
                  "MATCH (i:Identifier {scheme: 'NHS'}) RETURN i.value AS v ORDER BY v LIMIT $n")
              .withParameters(Map.of("n", feedChildren))
              .execute()
              .records()
              .stream()
              .map(r -> r.get("v").asString())
              .toList();
      Path csv = Files.createDirectories(run.resolve("csv"));
      long[] generic = writeGenericFeed(csv, nhs);
      Path export = run.resolve("export");
      SyntheticExport.Counts exported =
          SyntheticExport.export(SyntheticSettings.of(children, SEED), export);
      Path ssda903 = export.resolve("ssda903");

      List<String[]> results = new ArrayList<>();
      // Service: the import jobs users run.
      Measured serviceCsv =
          timeJob(jobs, ImportFormat.CSV, "BENCH_CSV_" + tag, null, ImportMode.DELTA, csv);
      Measured service903 =
          timeJob(
              jobs, ImportFormat.SSDA903, "BENCH_903_" + tag, "999", ImportMode.SNAPSHOT, ssda903);
      long linkedCsv =
          count(
              driver,
              "MATCH (r:PersonRecord {system: $s})-[l:REFERS_TO {method: 'EXACT_IDENTIFIER'}]->()"
                  + " RETURN count(l) AS n",
              "BENCH_CSV_" + tag);
      long linked903 =
          count(
              driver,
              "MATCH (r:PersonRecord {system: $s})-[l:REFERS_TO {method: 'EXACT_IDENTIFIER'}]->()"
                  + " RETURN count(l) AS n",
              "BENCH_903_" + tag);

      // Baseline: plain LOAD CSV scripts over the very same files.
      String prefix = "BASE_" + tag;
      double basePeople = loadCsv(driver, "load-csv-people", csv.resolve("people.csv"), prefix);
      double baseInv =
          loadCsv(driver, "load-csv-involvements", csv.resolve("involvements.csv"), prefix);
      double baseEvt = loadCsv(driver, "load-csv-events", csv.resolve("events.csv"), prefix);
      double base903 =
          loadCsv(driver, "load-csv-903-episodes", ssda903.resolve("episodes.csv"), prefix);

      // The same generic files again, as a nightly full extract with nothing changed: the service
      // finds every row unchanged; the LOAD CSV scripts MERGE onto what they loaded and rewrite it.
      Measured againCsv =
          timeJob(jobs, ImportFormat.CSV, "BENCH_CSV_" + tag, null, ImportMode.DELTA, csv);
      double baseAgain =
          loadCsv(driver, "load-csv-people", csv.resolve("people.csv"), prefix)
              + loadCsv(driver, "load-csv-involvements", csv.resolve("involvements.csv"), prefix)
              + loadCsv(driver, "load-csv-events", csv.resolve("events.csv"), prefix);

      long csvRows = generic[0] + generic[1] + generic[2];
      long factRows = generic[1] + generic[2];
      double baseCsv = basePeople + baseInv + baseEvt;
      results.add(
          row(
              "generic CSV (people, involvements, events)",
              csvRows,
              serviceCsv.seconds,
              baseCsv,
              factRows));
      results.add(
          row(
              "the same generic CSV again, nothing changed (a nightly full extract)",
              csvRows,
              againCsv.seconds,
              baseAgain,
              factRows));
      results.add(
          row(
              "SSDA903 episodes (the service also reads the header rows)",
              exported.episodeRows(),
              service903.seconds,
              base903,
              exported.episodeRows()));

      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "Import throughput into a graph of %,d children (%s), %d cores, max heap %d MB%n",
              graphChildren,
              LocalDate.now(),
              Runtime.getRuntime().availableProcessors(),
              Runtime.getRuntime().maxMemory() >> 20));
      out.append(
          "| feed | rows | service s | service rows/s | LOAD CSV s | LOAD CSV rows/s | service"
              + " / LOAD CSV time |\n|---|---|---|---|---|---|---|\n");
      for (String[] r : results) {
        out.append("| ").append(String.join(" | ", r)).append(" |\n");
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%nService jobs: csv %s (%s), again %s (%s), 903 %s (%s). Records linked to"
                  + " existing children by exact identifier: csv %,d of %,d people, 903 %,d of %,d children.%n"
                  + "LOAD CSV timings: people %.1f s, involvements %.1f s, events %.1f s,"
                  + " episodes %.1f s (the episode script loads one node per row, without periods"
                  + " of care).%n",
              serviceCsv.job.id(),
              serviceCsv.job.counts(),
              againCsv.job.id(),
              againCsv.job.counts(),
              service903.job.id(),
              service903.job.counts(),
              linkedCsv,
              generic[0],
              linked903,
              exported.headerRows(),
              basePeople,
              baseInv,
              baseEvt,
              base903));
      System.out.print(out);
      Files.writeString(home.resolve("import-throughput.md"), out);
    } finally {
      context.close();
    }
  }

  private record Measured(ImportJob job, double seconds) {}

  private static Measured timeJob(
      ImportJobService jobs,
      ImportFormat format,
      String system,
      String la,
      ImportMode mode,
      Path folder)
      throws InterruptedException {
    String id = jobs.newJobId();
    long t = System.nanoTime();
    jobs.submit(
        id, new ImportRequest(format, system, la, null, mode, List.of(folder)), "benchmark");
    ImportJob job = jobs.await(id, Duration.ofHours(1));
    double s = seconds(t);
    if (!"SUCCEEDED".equals(job.status())) {
      throw new IllegalStateException("benchmark import failed: " + job.error());
    }
    System.out.printf("%s job %s: %.1f s, %s%n", format.cliName(), id, s, job.counts());
    return new Measured(job, s);
  }

  private static double loadCsv(Driver driver, String script, Path file, String prefix) {
    long t = System.nanoTime();
    try (var session = driver.session()) {
      session
          .run(
              CypherFile.load("bench/" + script),
              Map.of("url", file.toUri().toString(), "prefix", prefix))
          .consume();
    }
    double s = seconds(t);
    System.out.printf("LOAD CSV %s: %.1f s%n", script, s);
    return s;
  }

  private static String[] row(
      String feed, long rows, double service, double baseline, long factRows) {
    return new String[] {
      feed,
      String.format(Locale.ROOT, "%,d", rows),
      String.format(Locale.ROOT, "%.1f", service),
      String.format(Locale.ROOT, "%,.0f", rows / service),
      String.format(Locale.ROOT, "%.1f", baseline),
      String.format(Locale.ROOT, "%,.0f", rows / baseline),
      String.format(Locale.ROOT, "%.2f", service / baseline)
    };
  }

  /** people.csv, involvements.csv (2 per person), events.csv (3 per person). */
  private static long[] writeGenericFeed(Path dir, List<String> nhs) throws IOException {
    long[] rows = new long[3];
    CSVFormat format = CSVFormat.DEFAULT;
    try (Writer p = Files.newBufferedWriter(dir.resolve("people.csv"), StandardCharsets.UTF_8);
        Writer i =
            Files.newBufferedWriter(dir.resolve("involvements.csv"), StandardCharsets.UTF_8);
        Writer e = Files.newBufferedWriter(dir.resolve("events.csv"), StandardCharsets.UTF_8);
        CSVPrinter people = format.print(p);
        CSVPrinter involvements = format.print(i);
        CSVPrinter events = format.print(e)) {
      people.printRecord("person_id", "person_type", "nhs_number");
      involvements.printRecord(
          "involvement_id", "person_id", "service", "kind", "start", "end", "team");
      events.printRecord("event_id", "person_id", "service", "kind", "date");
      LocalDate base = LocalDate.of(2020, 9, 1);
      for (int n = 0; n < nhs.size(); n++) {
        String person = "P" + n;
        people.printRecord(person, "CHILD", nhs.get(n));
        rows[0]++;
        LocalDate start = base.plusDays(n % 1000);
        involvements.printRecord(
            "I" + n + "A",
            person,
            "EDUCATION",
            "SCHOOL_ENROLMENT",
            start,
            start.plusYears(3),
            "School " + (n % 40));
        involvements.printRecord(
            "I" + n + "B",
            person,
            "EDUCATION",
            "SEN_SUPPORT",
            start.plusMonths(6),
            "",
            "SEND team");
        rows[1] += 2;
        for (int k = 0; k < 3; k++) {
          events.printRecord(
              "E" + n + "-" + k,
              person,
              "EDUCATION",
              k == 2 ? "SUSPENSION" : "PERSISTENT_ABSENCE",
              start.plusMonths(4L * k + 1));
          rows[2]++;
        }
      }
    }
    return rows;
  }

  private static long count(Driver driver, String cypher, String system) {
    return driver
        .executableQuery(cypher)
        .withParameters(Map.of("s", system))
        .execute()
        .records()
        .get(0)
        .get("n")
        .asLong();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private ImportThroughputBenchmark() {}
}
