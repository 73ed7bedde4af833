package org.childjourneys.analytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.childjourneys.BenchmarkStore;
import org.childjourneys.ChildJourneysApplication;
import org.childjourneys.dataset.ServiceDomains;
import org.childjourneys.neo4j.CypherFile;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 8's performance questions on the benchmark authority, against the same questions in
 * PostgreSQL SQL over the same data, in one run (docs/benchmarks.md, docs/benchmarks-postgres.md):
 * service overlap for a year (every combination), the top-20 pathways to an outcome with lift,
 * front-door guidance for one profile, service flows and trends, each through the service layer;
 * and (issue 11) placement stability and onward journeys, their measures' named Cypher through the
 * driver. bench/postgres.sh starts Debian's PostgreSQL (installing it when missing); the data the
 * analytics read is exported from Neo4j to CSV, loaded with COPY and indexed; then each question is
 * asked of Neo4j and of the SQL of bench/postgres/ in turn, run by run (2 warm-ups, then median and
 * p95), and the answers are compared (a mismatch is printed loudly). Writes
 * target/bench/analytics.md, analytics.csv and analytics-postgres-explain.md (settings, sizes and
 * EXPLAIN ANALYZE of each query).
 *
 * <p>Environment: BENCH_PROFILE=1 prints the services' Cypher plans with database hits;
 * BENCH_NEO4J_ONLY=1 times Neo4j alone (no PostgreSQL); BENCH_KEEP_POSTGRES=1 leaves PostgreSQL
 * running afterwards.
 *
 * <p>{@code ./mvnw -q test-compile exec:exec@analytics-benchmark [-Dbench.children=N]
 * [-Dbench.iterations=K]}.
 */
public final class AnalyticsBenchmark {

  static final int WARM_UPS = 2;
  static final LocalDate FROM = LocalDate.of(2025, 4, 1);
  static final LocalDate TO = LocalDate.of(2026, 3, 31);
  static final String OUTCOME = "LAC_EPISODE";
  static final LocalDate GUIDANCE_FROM = LocalDate.of(2024, 4, 1);
  static final LocalDate GUIDANCE_TO = LocalDate.of(2025, 3, 31);
  static final int GUIDANCE_MONTHS = 12;
  static final LocalDate FLOWS_FROM = LocalDate.of(2024, 4, 1);
  static final String ONWARD_KIND = "EARLY_HELP_PLAN";

  /**
   * A common presenting profile: a 10-15-year-old referred by a school with no targeted history.
   */
  static final FrontDoorGuidanceService.Profile PROFILE =
      new FrontDoorGuidanceService.Profile("10_TO_15", "2A", List.of(), List.of("NONE"));

  private static final Path HOME = BenchmarkStore.HOME;
  private static final Path SQL = Path.of("bench", "postgres").toAbsolutePath();

  record Timed<T>(T answer, double median, double p95, List<Double> runs) {}

  private static final List<String> problems = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    int children = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 100_000;
    int iterations = args.length > 1 && !args[1].isBlank() ? Integer.parseInt(args[1]) : 9;
    if (iterations < 5) {
      throw new IllegalArgumentException("at least 5 iterations");
    }
    Path run = BenchmarkStore.runDirectory("analytics");
    long started = System.nanoTime();
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(ChildJourneysApplication.class)
            .run(
                BenchmarkStore.arguments(
                    children, run, "--childjourneys.neo4j.embedded.bolt-port=17692"));
    System.out.printf(
        "Service ready on a %,d-child authority in %.0f s%n",
        children, (System.nanoTime() - started) / 1e9);
    StringBuilder report = new StringBuilder();
    StringBuilder csv =
        new StringBuilder(
            "question,neo4j_median_ms,neo4j_p95_ms,postgres_median_ms,postgres_p95_ms,ratio_median,answers\n");
    StringBuilder explain = new StringBuilder();
    try {
      Driver driver = context.getBean(Driver.class);
      long summaries = count(driver, "MATCH (s:JourneySummary) RETURN count(s) AS n");
      if (summaries == 0) {
        long t = System.nanoTime();
        long seen = context.getBean(JourneySummaryRebuild.class).rebuildAll();
        System.out.printf(
            "Journey summaries rebuilt for %,d children in %.0f s%n",
            seen, (System.nanoTime() - t) / 1e9);
        summaries = count(driver, "MATCH (s:JourneySummary) RETURN count(s) AS n");
      }
      long steps =
          count(driver, "MATCH (s:JourneySummary) RETURN sum(size(s.kinds)) AS n"); // for the doc

      // Neo4j, through the service layer.
      ServiceOverlapService overlapService = context.getBean(ServiceOverlapService.class);
      PathwaysService pathwaysService = context.getBean(PathwaysService.class);
      FrontDoorGuidanceService guidanceService = context.getBean(FrontDoorGuidanceService.class);
      Callable<ServiceOverlapService.Overlap> neo4jOverlap =
          () -> overlapService.overlap(FROM, TO, null, null, null);
      Callable<PathwaysService.Pathways> neo4jPathways =
          () -> pathwaysService.pathways(OUTCOME, FROM, TO, PathwaysService.StepBy.KIND, 20, 20);
      Callable<FrontDoorGuidanceService.Guidance> neo4jGuidance =
          () -> guidanceService.guidance(PROFILE, GUIDANCE_FROM, GUIDANCE_TO, GUIDANCE_MONTHS);
      ServiceFlowsService flowsService = context.getBean(ServiceFlowsService.class);
      ServiceTrendsService trendsService = context.getBean(ServiceTrendsService.class);
      Callable<ServiceFlowsService.Flows> neo4jFlows =
          () -> flowsService.flows(FLOWS_FROM, TO, "QUARTER", "SERVICE", null);
      Callable<ServiceTrendsService.Trends> neo4jTrends =
          () -> trendsService.trends(FROM, TO, "MONTH", null, null);
      // The DfE measure's named Cypher as the service runs it (MeasuresService), for the year.
      Map<String, Object> stabilityParams = new HashMap<>();
      stabilityParams.put("from", FROM);
      stabilityParams.put("to", TO);
      stabilityParams.put("systems", null);
      Callable<Map<String, Object>> neo4jStability =
          () ->
              driver
                  .executableQuery(CypherFile.load("queries/measures/placement-stability"))
                  .withParameters(stabilityParams)
                  .execute()
                  .records()
                  .get(0)
                  .asMap();
      // asAt and the criteria used (after any widening), which the SQL is given
      FrontDoorGuidanceService.Guidance first = neo4jGuidance.call();
      // Onward journeys' named Cypher as OnwardJourneysService runs it: early help plans closed in
      // the guidance year, followed up to the date every source is complete to (the same asAt as
      // guidance's: the earliest coverage end of every source).
      Map<String, Object> onwardParams = new HashMap<>();
      onwardParams.put("kind", ONWARD_KIND);
      onwardParams.put("from", GUIDANCE_FROM);
      onwardParams.put("to", GUIDANCE_TO);
      onwardParams.put("asAt", first.asAt());
      onwardParams.put("systems", null);
      Callable<List<Map<String, Object>>> neo4jOnward =
          () ->
              driver
                  .executableQuery(CypherFile.load("queries/journeys/onward-journeys"))
                  .withParameters(onwardParams)
                  .execute()
                  .records()
                  .stream()
                  .map(org.neo4j.driver.Record::asMap)
                  .toList();
      if (System.getenv("BENCH_NEO4J_ONLY") != null) {
        time("Neo4j overlap", iterations, neo4jOverlap);
        time("Neo4j pathways", iterations, neo4jPathways);
        time("Neo4j guidance", iterations, neo4jGuidance);
        time("Neo4j flows", iterations, neo4jFlows);
        time("Neo4j trends", iterations, neo4jTrends);
        time("Neo4j placement stability", iterations, neo4jStability);
        time("Neo4j onward journeys", iterations, neo4jOnward);
        if (System.getenv("BENCH_PROFILE") != null) {
          profile(driver, first.asAt(), iterations, neo4jGuidance);
        }
        return;
      }

      // PostgreSQL: start, export the same data, load, index.
      String url = startPostgres();
      Path csvDir = Files.createDirectories(HOME.resolve("pg-csv-" + children));
      Map<String, long[]> rows = new LinkedHashMap<>();
      long t = System.nanoTime();
      export(driver, csvDir, rows);
      double exportSeconds = (System.nanoTime() - t) / 1e9;
      Map<String, Object> sqlParams = new HashMap<>();
      try (Connection pg = DriverManager.getConnection(url)) {
        pg.setAutoCommit(true);
        t = System.nanoTime();
        script(pg, Files.readString(SQL.resolve("schema.sql")));
        load(pg, csvDir, rows);
        double loadSeconds = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        script(pg, Files.readString(SQL.resolve("indexes.sql")));
        double indexSeconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(
            "PostgreSQL: exported in %.0f s, COPY %.0f s, indexes and VACUUM ANALYZE %.0f s%n",
            exportSeconds, loadSeconds, indexSeconds);

        String overlapSql =
            bind(
                Files.readString(SQL.resolve("overlap.sql")),
                Map.of("from", FROM, "to", TO, "services", ServiceDomains.CODES));
        String pathwaysSql =
            bind(
                Files.readString(SQL.resolve("pathways.sql")),
                Map.of(
                    "outcome",
                    OUTCOME,
                    "from",
                    FROM,
                    "to",
                    TO,
                    "universal",
                    List.copyOf(Journeys.UNIVERSAL_KINDS),
                    "by",
                    "KIND",
                    "minSupport",
                    20,
                    "first",
                    20));
        var used = first.criteriaUsed();
        sqlParams.put("from", GUIDANCE_FROM);
        sqlParams.put("to", GUIDANCE_TO);
        sqlParams.put("months", GUIDANCE_MONTHS);
        sqlParams.put("asAt", first.asAt());
        sqlParams.put("kinds", FollowUpOutcomes.PRIOR_KINDS);
        sqlParams.put(
            "ageBand",
            used.contains(FrontDoorGuidanceService.Criterion.AGE_BAND) ? PROFILE.ageBand() : null);
        sqlParams.put(
            "referralSource",
            used.contains(FrontDoorGuidanceService.Criterion.REFERRAL_SOURCE)
                ? PROFILE.referralSource()
                : null);
        sqlParams.put(
            "needCodes",
            used.contains(FrontDoorGuidanceService.Criterion.NEED_CODES)
                ? PROFILE.needCodes()
                : List.of());
        sqlParams.put(
            "prior",
            used.contains(FrontDoorGuidanceService.Criterion.PRIOR_INVOLVEMENTS)
                ? PROFILE.priorInvolvements()
                : List.of());
        String guidanceSql = bind(Files.readString(SQL.resolve("guidance.sql")), sqlParams);
        BaselinePeriods quarters = BaselinePeriods.of(FLOWS_FROM, TO, "QUARTER", 20);
        Map<String, Object> flowsParams = new HashMap<>(quarters.parameters());
        flowsParams.put("periods", quarters.periods().size());
        flowsParams.put("states", ServiceFlowsService.SERVICE_ORDER);
        String flowsSql = bind(Files.readString(SQL.resolve("flows.sql")), flowsParams);
        Map<String, Object> trendsParams =
            new HashMap<>(BaselinePeriods.of(FROM, TO, "MONTH", 60).parameters());
        trendsParams.put("services", ServiceDomains.CODES);
        String trendsSql = bind(Files.readString(SQL.resolve("trends.sql")), trendsParams);
        String stabilitySql =
            bind(
                Files.readString(SQL.resolve("placement-stability.sql")),
                Map.of("from", FROM, "to", TO));
        String onwardSql = bind(Files.readString(SQL.resolve("onward-journeys.sql")), onwardParams);

        // The same question to both in turn, run by run, so both see the same load.
        String loadBefore = uptime();
        var overlapPair =
            alternate("overlap", iterations, neo4jOverlap, () -> query(pg, overlapSql));
        var pathwaysPair =
            alternate("pathways", iterations, neo4jPathways, () -> query(pg, pathwaysSql));
        var guidancePair =
            alternate("guidance", iterations, neo4jGuidance, () -> query(pg, guidanceSql));
        var flowsPair = alternate("flows", iterations, neo4jFlows, () -> query(pg, flowsSql));
        var trendsPair = alternate("trends", iterations, neo4jTrends, () -> query(pg, trendsSql));
        var stabilityPair =
            alternate(
                "placement stability",
                iterations,
                neo4jStability,
                () -> query(pg, stabilitySql).get(0));
        var onwardPair =
            alternate("onward journeys", iterations, neo4jOnward, () -> query(pg, onwardSql));
        String loadAfter = uptime();
        var overlap = overlapPair.neo4j();
        var sqlOverlap = overlapPair.sql();
        var pathways = pathwaysPair.neo4j();
        var sqlPathways = pathwaysPair.sql();
        var guidance = guidancePair.neo4j();
        var sqlGuidance = guidancePair.sql();
        String loadMiddle = pathwaysPair.load();
        if (System.getenv("BENCH_PROFILE") != null) {
          profile(driver, first.asAt(), iterations, neo4jGuidance);
        }

        String overlapAnswer = checkOverlap(overlap.answer(), sqlOverlap.answer());
        String pathwaysAnswer = checkPathways(pathways.answer(), sqlPathways.answer());
        String guidanceAnswer = checkGuidance(guidance.answer(), sqlGuidance.answer());
        String flowsAnswer = checkFlows(flowsPair.neo4j().answer(), flowsPair.sql().answer());
        String trendsAnswer = checkTrends(trendsPair.neo4j().answer(), trendsPair.sql().answer());
        String stabilityAnswer =
            checkStability(stabilityPair.neo4j().answer(), stabilityPair.sql().answer());
        String onwardAnswer = checkOnward(onwardPair.neo4j().answer(), onwardPair.sql().answer());

        report.append(
            String.format(
                Locale.ROOT,
                "Analytics at %,d children (%,d journey summaries, %,d steps), %s; %d warm-ups"
                    + " (one where a run takes over 30 s) then %d runs each, median and p95 (nearest rank: with %d runs the p95 is the"
                    + " slowest). Neo4j: through the service layer (embedded Neo4j 5.26, page cache "
                    + System.getProperty("bench.page-cache", "2GB")
                    + ", heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB). PostgreSQL %s: the SQL of bench/postgres/ over the same data through"
                    + " JDBC (shared_buffers 2 GB, work_mem 256 MB, parallel workers 2, JIT off).%n%n"
                    + "Each question is asked of Neo4j and of PostgreSQL in turn, run by run, so"
                    + " both see the same load. Load averages (1, 5, 15 min; the machine is shared,"
                    + " 2 cores): before %s; after the pathways %s; at the end %s.%n%n",
                children,
                summaries,
                steps,
                LocalDate.now(),
                WARM_UPS,
                iterations,
                iterations,
                postgresVersion(pg),
                loadBefore,
                loadMiddle,
                loadAfter));
        report.append(
            "| question | Neo4j median ms | Neo4j p95 ms | PostgreSQL median ms | PostgreSQL p95 ms"
                + " | Neo4j / PostgreSQL (median) | answers |\n|---|---:|---:|---:|---:|---:|---|\n");
        row(
            report,
            csv,
            "overlap, all combinations, year to " + TO,
            overlap,
            sqlOverlap,
            overlapAnswer);
        row(
            report,
            csv,
            "top-20 pathways with lift, " + OUTCOME + ", " + FROM + " to " + TO,
            pathways,
            sqlPathways,
            pathwaysAnswer);
        row(
            report,
            csv,
            "front-door guidance, one profile " + profileText(),
            guidance,
            sqlGuidance,
            guidanceAnswer);
        row(
            report,
            csv,
            "service flows by quarter, " + FLOWS_FROM + " to " + TO,
            flowsPair.neo4j(),
            flowsPair.sql(),
            flowsAnswer);
        row(
            report,
            csv,
            "service trends by month (whole service call), " + FROM + " to " + TO,
            trendsPair.neo4j(),
            trendsPair.sql(),
            trendsAnswer);
        row(
            report,
            csv,
            "placement stability (DfE: looked after on "
                + TO
                + ", 3+ placements in the year;"
                + " the measure's Cypher through the driver)",
            stabilityPair.neo4j(),
            stabilityPair.sql(),
            stabilityAnswer);
        row(
            report,
            csv,
            "onward journeys ("
                + ONWARD_KIND
                + " closed "
                + GUIDANCE_FROM
                + " to "
                + GUIDANCE_TO
                + ", by team and closure reason, 3/6/12/24 months; the measure's Cypher through the"
                + " driver)",
            onwardPair.neo4j(),
            onwardPair.sql(),
            onwardAnswer);
        report.append(
            String.format(
                Locale.ROOT,
                "%nPostgreSQL set-up (not timed above): export from Neo4j %.0f s, COPY %.0f s,"
                    + " indexes and VACUUM ANALYZE %.0f s; rows: %s.%n",
                exportSeconds,
                loadSeconds,
                indexSeconds,
                rowsText(rows)));
        if (problems.isEmpty()) {
          report.append("\nThe SQL answers equal the Neo4j answers (see the answers column).\n");
        } else {
          report.append("\n**ANSWERS DIFFER:**\n");
          problems.forEach(p -> report.append("- ").append(p).append('\n'));
        }

        explain.append(explainReport(pg, children, rows, overlapSql, pathwaysSql, guidanceSql));
      }
      System.out.println();
      System.out.println(report);
      if (!problems.isEmpty()) {
        System.out.println("!!!!!!!! MISMATCH between the Neo4j and the SQL answers !!!!!!!!");
        problems.forEach(p -> System.out.println("!!! " + p));
      }
      Files.writeString(HOME.resolve("analytics.md"), report);
      Files.writeString(HOME.resolve("analytics.csv"), csv);
      Files.writeString(HOME.resolve("analytics-postgres-explain.md"), explain);
      System.out.println(
          "Written: "
              + HOME.resolve("analytics.md")
              + ", analytics.csv, analytics-postgres-explain.md");
    } finally {
      context.close();
      if (System.getenv("BENCH_KEEP_POSTGRES") == null) {
        shell("bench/postgres.sh", "stop");
      }
    }
    if (!problems.isEmpty()) {
      System.exit(1); // the answers differ: bench/run.sh (and CI's smoke run) marks the step failed
    }
  }

  // ---- timing

  record Pair<A, B>(Timed<A> neo4j, Timed<B> sql, String load) {}

  /** Warm-ups of both, then each run asks Neo4j and then PostgreSQL. */
  static <A, B> Pair<A, B> alternate(
      String label, int iterations, Callable<A> neo4j, Callable<B> sql) throws Exception {
    return alternate("Neo4j " + label, "SQL " + label, iterations, neo4j, sql);
  }

  static <A, B> Pair<A, B> alternate(
      String firstLabel, String secondLabel, int iterations, Callable<A> neo4j, Callable<B> sql)
      throws Exception {
    boolean neo4jWarm = false;
    boolean sqlWarm = false;
    for (int i = 0; i < WARM_UPS; i++) {
      neo4jWarm = neo4jWarm || warmUp(neo4j);
      sqlWarm = sqlWarm || warmUp(sql);
    }
    List<Double> neo4jRuns = new ArrayList<>();
    List<Double> sqlRuns = new ArrayList<>();
    A a = null;
    B b = null;
    for (int i = 0; i < iterations; i++) {
      long t = System.nanoTime();
      a = neo4j.call();
      neo4jRuns.add((System.nanoTime() - t) / 1e6);
      t = System.nanoTime();
      b = sql.call();
      sqlRuns.add((System.nanoTime() - t) / 1e6);
    }
    return new Pair<>(timed(firstLabel, a, neo4jRuns), timed(secondLabel, b, sqlRuns), uptime());
  }

  static <T> Timed<T> time(String label, int iterations, Callable<T> body) throws Exception {
    for (int i = 0; i < WARM_UPS; i++) {
      if (warmUp(body)) {
        break;
      }
    }
    T answer = null;
    List<Double> runs = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      long t = System.nanoTime();
      answer = body.call();
      runs.add((System.nanoTime() - t) / 1e6);
    }
    return timed(label, answer, runs);
  }

  /**
   * One warm-up call; true when it took over half a minute, after which one is enough (at 1M
   * children PostgreSQL's flows and trends take a minute a run: a second warm-up each would cost
   * the suite 4 minutes of its hour).
   */
  static boolean warmUp(Callable<?> body) throws Exception {
    long t = System.nanoTime();
    body.call();
    return System.nanoTime() - t > 30_000_000_000L;
  }

  static <T> Timed<T> timed(String label, T answer, List<Double> runs) {
    List<Double> sorted = new ArrayList<>(runs);
    Collections.sort(sorted);
    double median =
        sorted.size() % 2 == 1
            ? sorted.get(sorted.size() / 2)
            : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
    System.out.printf(
        Locale.ROOT,
        "  %s: median %.0f ms, p95 %.0f ms, runs %s%n",
        label,
        median,
        p95,
        rounded(runs));
    return new Timed<>(answer, median, p95, runs);
  }

  private static void row(
      StringBuilder md,
      StringBuilder csv,
      String question,
      Timed<?> neo4j,
      Timed<?> sql,
      String answers) {
    double ratio = neo4j.median() / sql.median();
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %.0f | %.0f | %.0f | %.0f | %.2f | %s |%n",
            question,
            neo4j.median(),
            neo4j.p95(),
            sql.median(),
            sql.p95(),
            ratio,
            answers));
    csv.append(
        String.format(
            Locale.ROOT,
            "\"%s\",%.1f,%.1f,%.1f,%.1f,%.3f,\"%s\"%n",
            question,
            neo4j.median(),
            neo4j.p95(),
            sql.median(),
            sql.p95(),
            ratio,
            answers.replace("\"", "'")));
    System.out.printf(
        Locale.ROOT,
        "%s: Neo4j runs %s; PostgreSQL runs %s%n",
        question,
        rounded(neo4j.runs()),
        rounded(sql.runs()));
  }

  private static String rounded(List<Double> runs) {
    return runs.stream().map(d -> String.valueOf(Math.round(d))).toList().toString();
  }

  // ---- answers compared

  private static String checkOverlap(
      ServiceOverlapService.Overlap neo, List<Map<String, Object>> sql) {
    Map<String, Long> combos = new HashMap<>();
    Map<String, Long> singles = new HashMap<>();
    Map<String, Long> pairs = new HashMap<>();
    long total = -1;
    for (Map<String, Object> r : sql) {
      String services = String.join("+", strings(r.get("services")));
      long n = ((Number) r.get("children")).longValue();
      switch ((String) r.get("what")) {
        case "combination" -> combos.put(services, n);
        case "service" -> singles.put(services, n);
        case "pair" -> pairs.put(services, n);
        default -> total = n;
      }
    }
    int compared = 0;
    expect("overlap total", neo.children(), total);
    compared++;
    expect("overlap combinations", neo.combinations().size(), combos.size());
    for (var c : neo.combinations()) {
      Long n = combos.get(String.join("+", c.services()));
      if (n == null) {
        problems.add("overlap: combination " + c.services() + " missing from the SQL answer");
      } else if (c.children() != null) {
        expect("overlap combination " + c.services(), c.children(), n);
        compared++;
      }
    }
    for (var s : neo.services()) {
      if (s.children() != null) {
        expect(
            "overlap service " + s.service(), s.children(), singles.getOrDefault(s.service(), 0L));
        compared++;
      }
    }
    for (var p : neo.pairs()) {
      if (p.both() != null) {
        expect(
            "overlap pair " + p.a() + "+" + p.b(),
            p.both(),
            pairs.getOrDefault(p.a() + "+" + p.b(), 0L));
        compared++;
      }
    }
    return String.format(
        Locale.ROOT,
        "%,d children, %d combinations; %d shown counts compared",
        total,
        combos.size(),
        compared);
  }

  private static String checkPathways(
      PathwaysService.Pathways neo, List<Map<String, Object>> rows) {
    long n = ((Number) rows.get(0).get("children")).longValue();
    long o = ((Number) rows.get(0).get("children_with_outcome")).longValue();
    // The population comes with every row; a row without steps means no pathway was supported.
    List<Map<String, Object>> sql = rows.stream().filter(r -> r.get("steps") != null).toList();
    expect("pathways population", neo.children(), n);
    if (neo.withOutcome() != null) {
      expect("pathways population with outcome", neo.withOutcome(), o);
    }
    expect("pathways listed", neo.pathways().size(), sql.size());
    for (int i = 0; i < Math.min(neo.pathways().size(), sql.size()); i++) {
      var p = neo.pathways().get(i);
      var r = sql.get(i);
      List<String> steps = strings(r.get("steps"));
      if (!p.steps().equals(steps)) {
        problems.add("pathways #" + (i + 1) + ": Neo4j " + p.steps() + ", SQL " + steps);
        continue;
      }
      expect("pathway " + steps + " support", p.support(), ((Number) r.get("support")).longValue());
      if (p.withOutcome() != null) {
        expect(
            "pathway " + steps + " with outcome",
            p.withOutcome(),
            ((Number) r.get("with_outcome")).longValue());
      }
      if (p.lift() != null && Math.abs(p.lift() - ((Number) r.get("lift")).doubleValue()) > 1e-9) {
        problems.add("pathway " + steps + " lift: Neo4j " + p.lift() + ", SQL " + r.get("lift"));
      }
    }
    String top =
        sql.isEmpty()
            ? "none"
            : String.format(
                Locale.ROOT,
                "top %s (support %s, lift %.2f)",
                String.join(">", strings(sql.get(0).get("steps"))),
                sql.get(0).get("support"),
                ((Number) sql.get(0).get("lift")).doubleValue());
    return String.format(
        Locale.ROOT, "%,d children, %,d with the outcome, %d pathways; %s", n, o, sql.size(), top);
  }

  private static String checkGuidance(
      FrontDoorGuidanceService.Guidance neo, List<Map<String, Object>> sql) {
    Map<String, Object> r = sql.get(0);
    long n = ((Number) r.get("children")).longValue();
    expect("guidance children", neo.children(), n);
    List<String> columns =
        List.of(
            "re_referral",
            "child_protection_plan",
            "care",
            "custody",
            "neet",
            "permanent_exclusion",
            "no_further_involvement");
    StringBuilder counts = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      var rate = neo.outcomes().get(i);
      long k = ((Number) r.get(columns.get(i))).longValue();
      if (rate.count() != null) {
        expect("guidance " + rate.outcome(), rate.count(), k);
      }
      counts.append(i == 0 ? "" : ", ").append(rate.outcome()).append(' ').append(k);
    }
    return String.format(
        Locale.ROOT,
        "%,d children%s (%s)",
        n,
        neo.widened() ? ", widened: dropped " + neo.criteriaDropped() : "",
        counts);
  }

  private static String checkFlows(ServiceFlowsService.Flows neo, List<Map<String, Object>> sql) {
    Map<String, Long> links = new HashMap<>();
    long children = 0;
    for (Map<String, Object> r : sql) {
      int period = ((Number) r.get("period")).intValue();
      long n = ((Number) r.get("children")).longValue();
      links.put(
          period + "|" + stateName(r.get("from_rank")) + "|" + stateName(r.get("to_rank")), n);
      children += period == 0 ? n : 0;
    }
    expect("flows children", neo.children(), children);
    expect("flows links", neo.links().size(), links.size());
    int compared = 0;
    for (var l : neo.links()) {
      Long n = links.get(l.period() + "|" + l.fromState() + "|" + l.toState());
      if (n == null) {
        problems.add("flows: link " + l.source() + ">" + l.target() + " missing from the SQL");
      } else if (l.children() != null) {
        expect("flows link " + l.source() + ">" + l.target(), l.children(), n);
        compared++;
      }
    }
    return String.format(
        Locale.ROOT,
        "%,d children, %d links; %d shown counts compared",
        children,
        links.size(),
        compared);
  }

  private static String checkStability(Map<String, Object> neo, Map<String, Object> sql) {
    long numerator = ((Number) sql.get("numerator")).longValue();
    long denominator = ((Number) sql.get("denominator")).longValue();
    expect("placement stability numerator", (Number) neo.get("numerator"), numerator);
    expect("placement stability denominator", (Number) neo.get("denominator"), denominator);
    return String.format(Locale.ROOT, "%,d of %,d looked after children", numerator, denominator);
  }

  /** Every count of every (team, closure reason, window) row, before suppression. */
  private static String checkOnward(List<Map<String, Object>> neo, List<Map<String, Object>> sql) {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("closures", "closures");
    columns.put("followedUp", "followed_up");
    columns.put("referral", "referral");
    columns.put("earlyHelp", "early_help");
    columns.put("childProtectionPlan", "child_protection_plan");
    columns.put("care", "care");
    columns.put("custody", "custody");
    columns.put("neet", "neet");
    columns.put("exclusion", "exclusion");
    columns.put("noFurtherContact", "no_further_contact");
    Map<String, Map<String, Object>> sqlRows = new HashMap<>();
    for (Map<String, Object> r : sql) {
      sqlRows.put(r.get("team") + "|" + r.get("reason") + "|" + r.get("months"), r);
    }
    expect("onward journeys rows", neo.size(), sqlRows.size());
    long closures = 0;
    long noFurther = 0;
    for (Map<String, Object> n : neo) {
      String key = n.get("team") + "|" + n.get("reason") + "|" + n.get("months");
      Map<String, Object> r = sqlRows.get(key);
      if (r == null) {
        problems.add("onward journeys: row " + key + " missing from the SQL");
        continue;
      }
      for (var c : columns.entrySet()) {
        expect(
            "onward journeys " + key + " " + c.getKey(),
            (Number) n.get(c.getKey()),
            ((Number) r.get(c.getValue())).longValue());
      }
      if (((Number) n.get("months")).intValue() == 12) {
        closures += ((Number) n.get("closures")).longValue();
        noFurther += ((Number) n.get("noFurtherContact")).longValue();
      }
    }
    return String.format(
        Locale.ROOT,
        "%,d closures in %d rows (team, reason, window), every count compared; %,d with no further"
            + " contact within 12 months",
        closures,
        neo.size(),
        noFurther);
  }

  private static String stateName(Object rank) {
    int r = ((Number) rank).intValue();
    return r < 0 ? ServiceFlowsService.NONE : ServiceFlowsService.SERVICE_ORDER.get(r);
  }

  private static String checkTrends(
      ServiceTrendsService.Trends neo, List<Map<String, Object>> sql) {
    Map<String, long[]> cells = new HashMap<>();
    for (Map<String, Object> r : sql) {
      cells.put(
          r.get("service") + "|" + r.get("period"),
          new long[] {
            ((Number) r.get("started")).longValue(), ((Number) r.get("open")).longValue()
          });
    }
    int compared = 0;
    long open = 0;
    for (int p = 0; p < neo.periods().size(); p++) {
      for (var row : neo.periods().get(p).rows()) {
        long[] c = cells.getOrDefault(row.service() + "|" + p, new long[2]);
        expect("trends started " + row.service() + " period " + p, row.started(), c[0]);
        expect("trends open " + row.service() + " period " + p, row.open(), c[1]);
        compared += (row.started() == null ? 0 : 1) + (row.open() == null ? 0 : 1);
        open += c[1];
      }
    }
    return String.format(
        Locale.ROOT,
        "%d cells, %,d child-months open; %d shown counts compared",
        cells.size(),
        open,
        compared);
  }

  private static void expect(String what, Number neo, long sql) {
    if (neo == null) {
      return; // withheld by the service (1-5 or revealing one): nothing to compare
    }
    if (neo.longValue() != sql) {
      problems.add(what + ": Neo4j " + neo + ", SQL " + sql);
    }
  }

  private static List<String> strings(Object array) {
    List<String> out = new ArrayList<>();
    try {
      Object values = array instanceof java.sql.Array a ? a.getArray() : array;
      for (Object o : (Object[]) values) {
        out.add((String) o);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static String profileText() {
    return "(age band "
        + PROFILE.ageBand()
        + ", referral source "
        + PROFILE.referralSource()
        + ", prior involvements "
        + PROFILE.priorInvolvements()
        + "), "
        + GUIDANCE_FROM
        + " to "
        + GUIDANCE_TO
        + ", "
        + GUIDANCE_MONTHS
        + " months";
  }

  // ---- Neo4j

  /**
   * BENCH_PROFILE=1: the named Cypher the three services run, alone through the raw driver (all
   * rows read), and each one's plan with database hits.
   */
  private static void profile(
      Driver driver, LocalDate asAt, int iterations, Callable<?> serviceGuidance) throws Exception {
    Map<String, Object> guidance = new HashMap<>();
    guidance.put("from", GUIDANCE_FROM);
    guidance.put("to", GUIDANCE_TO);
    guidance.put("months", GUIDANCE_MONTHS);
    guidance.put("asAt", asAt);
    guidance.put("kinds", FollowUpOutcomes.PRIOR_KINDS);
    guidance.put("systems", null); // every authority's facts (one authority in this graph)
    Map<String, Object> journeys = new HashMap<>();
    journeys.put("to", TO);
    journeys.put("systems", null);
    Map<String, Map<String, Object>> queries = new LinkedHashMap<>();
    queries.put("journeys/journey-summaries", journeys);
    queries.put("guidance/front-door-guidance", guidance);
    for (var q : queries.entrySet()) {
      String cypher = CypherFile.load("queries/" + q.getKey());
      if (q.getKey().startsWith("guidance")) { // the service against its own query, in turn
        alternate(
            "guidance through the service",
            "the same Cypher alone through the driver",
            iterations,
            serviceGuidance,
            () -> {
              try (var session = driver.session(SessionConfig.defaultConfig())) {
                return session.executeRead(tx -> tx.run(cypher, q.getValue()).list().size());
              }
            });
      }
      time(
          "raw driver " + q.getKey(),
          iterations,
          () -> {
            try (var session = driver.session(SessionConfig.defaultConfig())) {
              return session.executeRead(tx -> tx.run(cypher, q.getValue()).list().size());
            }
          });
      try (var session = driver.session(SessionConfig.defaultConfig())) {
        var result = session.run("PROFILE " + cypher, q.getValue());
        result.list();
        var plan = result.consume().profile();
        System.out.println(q.getKey() + ": db hits " + dbHits(plan));
        printPlan(plan, 0);
      }
    }
  }

  private static void printPlan(org.neo4j.driver.summary.ProfiledPlan plan, int depth) {
    String details =
        plan.arguments().containsKey("Details") ? plan.arguments().get("Details").asString() : "";
    System.out.printf(
        Locale.ROOT,
        "%s%s rows=%d dbHits=%d %s%n",
        "  ".repeat(depth),
        plan.operatorType(),
        plan.records(),
        plan.dbHits(),
        details.replace('\n', ' ').substring(0, Math.min(160, details.length())));
    for (var child : plan.children()) {
      printPlan(child, depth + 1);
    }
  }

  private static long dbHits(org.neo4j.driver.summary.ProfiledPlan plan) {
    long hits = plan.dbHits();
    for (var child : plan.children()) {
      hits += dbHits(child);
    }
    return hits;
  }

  private static long count(Driver driver, String cypher) {
    try (var session = driver.session(SessionConfig.defaultConfig())) {
      Value n = session.run(cypher).single().get("n");
      return n.isNull() ? 0 : n.asLong();
    }
  }

  /** The tables of schema.sql, each from its export query, as CSV (with a header). */
  private static void export(Driver driver, Path dir, Map<String, long[]> rows) throws IOException {
    Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
    tables.put("child", Map.of());
    tables.put("journey_step", Map.of());
    tables.put("involvement", Map.of());
    tables.put("involvement_part_of", Map.of());
    tables.put("contact", Map.of());
    tables.put("contact_led_to", Map.of());
    tables.put("event", Map.of());
    tables.put("placement", Map.of());
    Map<String, String> query =
        Map.of(
            "child", "export-children",
            "journey_step", "export-journey-steps",
            "involvement", "export-involvements",
            "involvement_part_of", "export-involvement-part-of",
            "contact", "export-contacts",
            "contact_led_to", "export-contact-led-to",
            "event", "export-events",
            "placement", "export-placements");
    try (var session = driver.session(SessionConfig.defaultConfig())) {
      for (var e : tables.entrySet()) {
        long t = System.nanoTime();
        long n = 0;
        Path file = dir.resolve(e.getKey() + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          var result = session.run(CypherFile.load("bench/" + query.get(e.getKey())), e.getValue());
          List<String> keys = result.keys();
          out.write(String.join(",", keys));
          out.write('\n');
          while (result.hasNext()) {
            Record r = result.next();
            for (int i = 0; i < keys.size(); i++) {
              if (i > 0) {
                out.write(',');
              }
              out.write(csvField(r.get(i)));
            }
            out.write('\n');
            n++;
          }
        }
        rows.put(e.getKey(), new long[] {n});
        System.out.printf(
            "  exported %s: %,d rows in %.1f s%n", e.getKey(), n, (System.nanoTime() - t) / 1e9);
      }
    }
  }

  /** A CSV field as PostgreSQL's COPY reads it: empty = NULL, lists as array literals. */
  private static String csvField(Value v) {
    if (v == null || v.isNull()) {
      return "";
    }
    Object o = v.asObject();
    String text;
    if (o instanceof List<?> list) {
      StringBuilder a = new StringBuilder("{");
      for (Object x : list) {
        if (a.length() > 1) {
          a.append(',');
        }
        a.append('"').append(String.valueOf(x).replace("\\", "\\\\").replace("\"", "\\\""));
        a.append('"');
      }
      text = a.append('}').toString();
    } else if (o instanceof Boolean b) {
      text = b ? "t" : "f";
    } else {
      text = String.valueOf(o); // strings, integers, dates (ISO)
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  // ---- PostgreSQL

  private static String startPostgres() throws IOException, InterruptedException {
    String url = shell("bench/postgres.sh", "start").strip();
    String[] lines = url.split("\n");
    return lines[lines.length - 1];
  }

  private static String shell(String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .redirectInput(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  /** Runs each statement of a script (statements end with a semicolon at the end of a line). */
  private static void script(Connection pg, String sql) throws SQLException {
    try (Statement s = pg.createStatement()) {
      for (String statement : statements(sql)) {
        s.execute(statement);
      }
    }
  }

  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        out.add(current.toString().strip().replaceAll(";$", ""));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static void load(Connection pg, Path dir, Map<String, long[]> rows)
      throws SQLException, IOException {
    CopyManager copy = new CopyManager(pg.unwrap(BaseConnection.class));
    for (String table : rows.keySet()) {
      try (Reader in =
          Files.newBufferedReader(dir.resolve(table + ".csv"), StandardCharsets.UTF_8)) {
        long n = copy.copyIn("COPY bench." + table + " FROM STDIN (FORMAT csv, HEADER true)", in);
        if (n != rows.get(table)[0]) {
          problems.add("COPY " + table + ": " + n + " rows, exported " + rows.get(table)[0]);
        }
      }
    }
  }

  private static List<Map<String, Object>> query(Connection pg, String sql) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns; i++) {
          Object v = rs.getObject(i);
          row.put(
              rs.getMetaData().getColumnLabel(i), v instanceof java.sql.Array a ? a.getArray() : v);
        }
        out.add(row);
      }
    }
    return out;
  }

  private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");

  /**
   * The statement without its comment lines, with :name parameters substituted as SQL literals
   * (dates, integers, text, text arrays, NULL).
   */
  static String bind(String sql, Map<String, ?> params) {
    // The files' comments name the parameters: left out of the statement as run.
    String body = String.join("\n", sql.lines().filter(l -> !l.strip().startsWith("--")).toList());
    Matcher m = PARAMETER.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String literal = params.containsKey(name) ? literal(params.get(name)) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(literal));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String literal(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof LocalDate d) {
      return "DATE '" + d + "'";
    }
    if (v instanceof Number n) {
      return n.toString();
    }
    if (v instanceof Collection<?> c) {
      if (c.isEmpty()) {
        return "'{}'::text[]";
      }
      return "ARRAY[" + String.join(", ", c.stream().map(o -> text(o.toString())).toList()) + "]";
    }
    return text(v.toString());
  }

  private static String text(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String postgresVersion(Connection pg) throws SQLException {
    try (Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String explainReport(
      Connection pg,
      int children,
      Map<String, long[]> rows,
      String overlapSql,
      String pathwaysSql,
      String guidanceSql)
      throws SQLException, IOException {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "# PostgreSQL baseline at %,d children (%s)%n%nRows: %s.%n%n## Settings%n%n```%n",
            children,
            LocalDate.now(),
            rowsText(rows)));
    try (Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version',"
                    + " 'shared_buffers', 'effective_cache_size', 'work_mem', 'maintenance_work_mem',"
                    + " 'random_page_cost', 'max_parallel_workers_per_gather', 'jit') ORDER BY"
                    + " name")) {
      while (rs.next()) {
        md.append(rs.getString(1))
            .append(" = ")
            .append(rs.getString(2))
            .append(rs.getString(3) == null ? "" : " (" + rs.getString(3) + ")")
            .append('\n');
      }
    }
    md.append("```\n\n## Table and index sizes\n\n```\n");
    try (Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.relname, c.relkind, pg_size_pretty(pg_relation_size(c.oid)) FROM pg_class"
                    + " c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'bench'"
                    + " AND c.relkind IN ('r', 'i') ORDER BY c.relkind DESC, c.relname")) {
      while (rs.next()) {
        md.append(
            String.format("%-36s %s %s%n", rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    md.append("```\n");
    for (String[] q :
        List.of(
            new String[] {"Overlap (overlap.sql)", overlapSql},
            new String[] {"Pathways (pathways.sql)", pathwaysSql},
            new String[] {"Front-door guidance (guidance.sql)", guidanceSql})) {
      md.append("\n## ").append(q[0]).append("\n\nAs run (parameters substituted):\n\n```sql\n");
      md.append(q[1].strip()).append("\n```\n\n`EXPLAIN (ANALYZE, BUFFERS)`:\n\n```\n");
      try (Statement s = pg.createStatement();
          ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + q[1])) {
        while (rs.next()) {
          md.append(rs.getString(1)).append('\n');
        }
      }
      md.append("```\n");
    }
    return md.toString();
  }

  private static String rowsText(Map<String, long[]> rows) {
    List<String> parts = new ArrayList<>();
    rows.forEach((t, n) -> parts.add(String.format(Locale.ROOT, "%s %,d", t, n[0])));
    return String.join(", ", parts);
  }

  private static String uptime() {
    try {
      String line = Files.readString(Path.of("/proc/loadavg")).strip();
      String[] f = line.split(" ");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
