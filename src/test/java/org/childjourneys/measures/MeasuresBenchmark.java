package org.childjourneys.measures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.childjourneys.BenchmarkStore;
import org.childjourneys.ChildJourneysApplication;
import org.childjourneys.neo4j.CypherFile;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Time of each measure for a year on the benchmark authority (the store the import and frontline
 * benchmarks build under {@code target/bench/}): each named query through the raw driver, and all
 * measures through the service (suppression included). {@code ./mvnw -q test-compile
 * exec:exec@measures-benchmark [-Dbench.children=N]}.
 */
public final class MeasuresBenchmark {

  private static final List<String> QUERIES =
      List.of(
          "measures/re-referrals",
          "measures/repeat-cp-plans",
          "measures/cp-plans-lasting-two-years",
          "measures/placement-stability",
          "measures/long-term-stability",
          "measures/neet-16-17",
          "measures/care-leavers",
          "measures/placements",
          "front-door/decision-feedback",
          "front-door/repeat-contacts",
          "journeys/onward-journeys");

  private static long dbHits(org.neo4j.driver.summary.ProfiledPlan plan) {
    long hits = plan.dbHits();
    for (var child : plan.children()) {
      hits += dbHits(child);
    }
    return hits;
  }

  public static void main(String[] args) throws Exception {
    int children = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 100_000;
    int year = 2026;
    Path home = BenchmarkStore.HOME;
    Path run = BenchmarkStore.runDirectory("measures");
    long started = System.nanoTime();
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(ChildJourneysApplication.class)
            .run(
                BenchmarkStore.arguments(
                    children, run, "--childjourneys.neo4j.embedded.bolt-port=17690"));
    System.out.printf(
        "Service ready on a %,d-child authority in %.0f s%n",
        children, (System.nanoTime() - started) / 1e9);
    StringBuilder table =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Year ending 31 March %d, %,d children: median of 5 runs after one warm-up%n%n"
                    + "| measure query | raw driver ms | numerator / denominator |%n|---|---|---|%n",
                year,
                children));
    try {
      Driver driver = context.getBean(Driver.class);
      // systems null: every authority's facts count (one authority in the benchmark graph).
      Map<String, Object> period = new java.util.HashMap<>();
      period.put("systems", null);
      period.putAll(
          Map.of(
              "from",
              LocalDate.of(year - 1, 4, 1),
              "to",
              LocalDate.of(year, 3, 31),
              "asAt",
              LocalDate.of(year, 3, 31),
              "atLeast",
              3,
              "kind",
              "EARLY_HELP_PLAN",
              "since",
              LocalDate.of(year - 3, 4, 1)));
      for (String q : QUERIES) {
        String cypher = CypherFile.load("queries/" + q);
        List<Double> times = new ArrayList<>();
        String answer = "";
        for (int i = 0; i < 6; i++) {
          long t = System.nanoTime();
          try (var session = driver.session(SessionConfig.defaultConfig())) {
            var rows = session.executeRead(tx -> tx.run(cypher, period).list());
            answer = rows.size() == 1 ? rows.get(0).asMap().toString() : rows.size() + " rows";
          }
          if (i > 0) {
            times.add((System.nanoTime() - t) / 1e6);
          }
        }
        Collections.sort(times);
        table.append(String.format(Locale.ROOT, "| `%s` | %.0f | %s |%n", q, times.get(2), answer));
        if (System.getenv("BENCH_PROFILE") != null) { // db hits and the plan of each query
          try (var session = driver.session(SessionConfig.defaultConfig())) {
            var result = session.run("PROFILE " + cypher, period);
            result.list(); // profiler statistics exist once the rows are read
            var summary = result.consume();
            System.out.println(q + ": db hits " + dbHits(summary.profile()));
            System.out.println(summary.profile());
          }
        }
      }
      MeasuresService service = context.getBean(MeasuresService.class);
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        long t = System.nanoTime();
        service.measures(year);
        if (i > 0) {
          times.add((System.nanoTime() - t) / 1e6);
        }
      }
      Collections.sort(times);
      table.append(
          String.format(
              Locale.ROOT,
              "| all measures through the service (with suppression) | %.0f | |%n",
              times.get(2)));
      PlacementStabilityService stability = context.getBean(PlacementStabilityService.class);
      for (var by :
          List.of(
              java.util.EnumSet.noneOf(PlacementStabilityService.Dimension.class),
              java.util.EnumSet.allOf(PlacementStabilityService.Dimension.class))) {
        times.clear();
        int rows = 0;
        for (int i = 0; i < 6; i++) {
          long t = System.nanoTime();
          rows = stability.placementStability(year, by).rows().size();
          if (i > 0) {
            times.add((System.nanoTime() - t) / 1e6);
          }
        }
        Collections.sort(times);
        table.append(
            String.format(
                Locale.ROOT,
                "| placement stability by %s, through the service | %.0f | %d rows |%n",
                by,
                times.get(2),
                rows));
      }
      FrontDoorFeedbackService feedback = context.getBean(FrontDoorFeedbackService.class);
      for (var by :
          List.of(
              java.util.EnumSet.of(FrontDoorFeedbackService.Dimension.DECISION),
              java.util.EnumSet.allOf(FrontDoorFeedbackService.Dimension.class))) {
        times.clear();
        int rows = 0;
        for (int i = 0; i < 6; i++) {
          long t = System.nanoTime();
          rows =
              feedback
                  .feedback(
                      new org.childjourneys.security.Actor(
                          "benchmark", org.childjourneys.security.Role.ANALYST, null),
                      LocalDate.of(year - 1, 4, 1),
                      LocalDate.of(year, 3, 31),
                      by)
                  .rows()
                  .size();
          if (i > 0) {
            times.add((System.nanoTime() - t) / 1e6);
          }
        }
        Collections.sort(times);
        table.append(
            String.format(
                Locale.ROOT,
                "| front-door feedback for the year by %s, through the service | %.0f | %d rows |%n",
                by,
                times.get(2),
                rows));
      }
      System.out.println(table);
      Files.writeString(home.resolve("measures.md"), table);
    } finally {
      context.close();
    }
  }
}
