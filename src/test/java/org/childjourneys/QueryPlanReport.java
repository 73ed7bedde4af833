package org.childjourneys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.childjourneys.frontline.FrontlineBenchmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query plans of the service's hot paths on a benchmark authority (issue 11,
 * docs/query-plans.md): starts the service on the store of target/bench/neo4j-CHILDREN, asks the
 * API the questions its users ask most (the front-door triage of several children, a name search,
 * the measures, front-door feedback, onward journeys, placement stability, overlap, pathways,
 * guidance, flows, trends and hotspots) while recording every statement the service sends with its
 * parameters, then PROFILEs each distinct read statement with the parameters it was really given
 * (writes are EXPLAINed only: profiling one would run it) and reports, per statement: the named
 * Cypher file it comes from, how often one round of questions ran it, rows, database hits, time,
 * the index operators its plan uses and any whole-label or whole-graph scan. Writes
 * target/bench/query-plans.md and each full plan under target/bench/query-plans/.
 *
 * <p>{@code ./mvnw -q test-compile exec:exec@plans-benchmark -Dbench.children=N}, or the {@code
 * plans} step of bench/run.sh.
 */
public final class QueryPlanReport {

  record Seen(String text, Object parameters, int calls) {}

  public static void main(String[] args) throws Exception {
    int children = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path home = BenchmarkStore.HOME;
    Path run = BenchmarkStore.runDirectory("plans");
    BenchmarkIdentity idp = BenchmarkIdentity.create(run);
    Map<String, Seen> seen = new LinkedHashMap<>();
    AtomicBoolean recording = new AtomicBoolean();
    QueryCounter.listener =
        (text, parameters) -> {
          if (recording.get()) {
            synchronized (seen) {
              Seen before = seen.get(text);
              seen.put(
                  text,
                  new Seen(
                      text,
                      before == null ? parameters : before.parameters(),
                      before == null ? 1 : before.calls() + 1));
            }
          }
        };
    ConfigurableApplicationContext context =
        idp.startService(children, run, QueryCounter.Config.class);
    try {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      Driver driver = context.getBean(Driver.class);
      Api api =
          new Api(
              HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
              URI.create("http://localhost:" + port + "/graphql"),
              idp);
      List<String> ids =
          driver
              .executableQuery(
                  "MATCH (c:Child) WHERE c.id >= 'C' RETURN c.id AS id ORDER BY id SKIP $skip"
                      + " LIMIT 5")
              .withParameters(Map.of("skip", children / 100))
              .execute()
              .records()
              .stream()
              .map(r -> r.get("id").asString())
              .toList();
      String name =
          driver
              .executableQuery("MATCH (c:Child {id: $id}) RETURN c.familyName AS n")
              .withParameters(Map.of("id", ids.get(0)))
              .execute()
              .records()
              .get(0)
              .get("n")
              .asString();
      // One round unrecorded (plans cached, pages warm), then the recorded round.
      for (int round = 0; round < 2; round++) {
        recording.set(round == 1);
        for (String id : ids) {
          api.ask("FRONT_DOOR", FrontlineBenchmark.TRIAGE, Map.of("id", id));
        }
        api.ask(
            "FRONT_DOOR",
            "query($name: String) { searchChildren(purpose: REFERRAL_TRIAGE, name: $name) {"
                + " score child { id } } }",
            Map.of("name", name));
        for (String[] q : QUESTIONS) {
          api.ask("MANAGER", q[1], Map.of());
        }
      }
      recording.set(false);
      // Profiled on a driver of its own: the service's is watched (QueryCounter's access modes).
      var embedded = context.getBean(org.childjourneys.neo4j.EmbeddedNeo4j.class);
      try (Driver own =
          org.neo4j.driver.GraphDatabase.driver(
              embedded.boltUri(),
              org.neo4j.driver.AuthTokens.basic(embedded.username(), embedded.password()))) {
        write(own, seen, children, run);
      }
    } finally {
      QueryCounter.listener = null;
      context.close();
    }
  }

  /** The aggregate questions (name, GraphQL), asked as a manager. */
  static final String[][] QUESTIONS = {
    {"measures", "{ measures(year: 2026) { code numerator denominator } }"},
    {
      "front-door feedback",
      "{ frontDoorFeedback(from: \"2024-04-01\", to: \"2025-03-31\", by: [DECISION]) {"
          + " rows { decision contacts windows { months followedUp reContacted } } } }"
    },
    {
      "onward journeys",
      "{ onwardJourneys(kind: \"CIN_EPISODE\", from: \"2024-04-01\", to: \"2025-03-31\") {"
          + " rows { closures windows { months followedUp referral care } } } }"
    },
    {"placement stability", "{ placementStability(year: 2026) { rows { children moves } } }"},
    {
      "overlap",
      "{ serviceOverlap(from: \"2025-04-01\", to: \"2026-03-31\") { children"
          + " pairs { a b both } combinations { services children } } }"
    },
    {
      "pathways",
      "{ pathways(outcome: \"LAC_EPISODE\", from: \"2025-04-01\", to: \"2026-03-31\") {"
          + " children pathways { steps support lift } } }"
    },
    {
      "guidance",
      "{ frontDoorGuidance(profile: {ageBand: \"10_TO_15\", referralSource: \"2A\","
          + " priorInvolvements: [\"NONE\"]}, from: \"2024-04-01\", to: \"2025-03-31\") {"
          + " children outcomes { outcome count } } }"
    },
    {
      "flows",
      "{ serviceFlows(from: \"2024-04-01\", to: \"2026-03-31\") { nodes { id } links { children } } }"
    },
    {
      "trends",
      "{ serviceTrends(from: \"2025-04-01\", to: \"2026-03-31\") { periods { start rows { service open } } } }"
    },
    {
      "hotspots",
      "{ hotspots(service: \"SOCIAL_CARE\", from: \"2025-04-01\", to: \"2026-03-31\") {"
          + " areas { code ratePer10000 imdDecile } } }"
    },
  };

  /** The GraphQL API as the benchmark's identity provider's users see it. */
  record Api(HttpClient http, URI uri, BenchmarkIdentity idp) {
    void ask(String role, String query, Map<String, String> variables) throws Exception {
      StringBuilder vars = new StringBuilder("{");
      variables.forEach(
          (k, v) ->
              vars.append(vars.length() > 1 ? "," : "")
                  .append(BenchmarkIdentity.json(k))
                  .append(':')
                  .append(BenchmarkIdentity.json(v)));
      BenchmarkIdentity.post(http, uri, idp.token(role), query, vars + "}", true);
    }
  }

  static void write(Driver driver, Map<String, Seen> seen, int children, Path run)
      throws IOException {
    Map<String, String> files = namedFiles();
    Path plans = Files.createDirectories(run.getParent().resolve("query-plans"));
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Query plans at %,d children (%s, embedded Neo4j 5.26, slotted runtime): every distinct"
                + " statement the service ran for one round of questions (5 triage requests, a"
                + " name search and the %d aggregate questions), profiled with the parameters it"
                + " was given, after a warm-up round. Writes are EXPLAINed only.%n%n",
            children,
            Instant.now().toString().substring(0, 10),
            QUESTIONS.length));
    md.append(
        "| # | statement | type | calls | rows | db hits | ms | indexes used | label scans |\n"
            + "|---|---|---|---:|---:|---:|---:|---|---|\n");
    int n = 0;
    int scans = 0;
    for (Seen s : seen.values()) {
      n++;
      String name = files.getOrDefault(s.text().strip(), "inline: " + oneLine(s.text(), 60));
      Value parameters = parameters(s.parameters());
      QueryType type;
      ResultSummary summary;
      long took;
      try (var session = driver.session(SessionConfig.builder().build())) {
        type = session.run(new Query("EXPLAIN " + s.text(), parameters)).consume().queryType();
        if (type == QueryType.READ_ONLY) {
          long t = System.nanoTime();
          var result = session.run(new Query("PROFILE " + s.text(), parameters));
          result.list(); // the profile is complete once every row has been read
          summary = result.consume();
          took = (System.nanoTime() - t) / 1_000_000;
        } else {
          summary = session.run(new Query("EXPLAIN " + s.text(), parameters)).consume();
          took = -1;
        }
      } catch (RuntimeException e) {
        md.append(
            String.format(
                "| %d | %s | not runnable alone: %s |%n", n, name, oneLine(e.getMessage(), 80)));
        continue;
      }
      Plan plan = summary.hasProfile() ? summary.profile() : summary.plan();
      List<String> operators = new ArrayList<>();
      operators(plan, operators);
      TreeSet<String> indexes = new TreeSet<>();
      TreeSet<String> labelScans = new TreeSet<>();
      for (String o : operators) {
        if (o.contains("Index")) {
          indexes.add(o);
        }
        if (o.startsWith("NodeByLabelScan") || o.startsWith("AllNodesScan")) {
          labelScans.add(o);
        }
      }
      scans += labelScans.isEmpty() ? 0 : 1;
      ProfiledPlan profile = summary.hasProfile() ? summary.profile() : null;
      long[] totals = profile == null ? null : totals(profile);
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %s | %d | %s | %s | %s | %s | %s |%n",
              n,
              name,
              type == QueryType.READ_ONLY ? "read" : "write",
              s.calls(),
              profile == null ? "" : String.format(Locale.ROOT, "%,d", profile.records()),
              totals == null ? "" : String.format(Locale.ROOT, "%,d", totals[0]),
              took < 0 ? "" : Long.toString(took),
              indexes.isEmpty() ? "none" : String.join("; ", indexes),
              labelScans.isEmpty() ? "" : String.join("; ", labelScans)));
      Files.writeString(
          plans.resolve(String.format(Locale.ROOT, "%02d.txt", n)),
          name + "\n\n" + s.text() + "\n\nparameters: " + parameters + "\n\n" + render(plan, 0));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%n%d statements, %d with a whole-label scan (see docs/query-plans.md for why each is"
                + " one). Full plans: target/bench/query-plans/NN.txt.%n",
            n,
            scans));
    Files.writeString(run.getParent().resolve("query-plans.md"), md);
    System.out.println(md);
  }

  /** Every named Cypher file's text (as CypherFile loads it), to name the statements. */
  static Map<String, String> namedFiles() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    Path root = Path.of("cypher");
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(f -> f.toString().endsWith(".cypher")).toList()) {
        files.putIfAbsent(
            Files.readString(p).strip(), root.relativize(p).toString().replace(".cypher", ""));
      }
    }
    return files;
  }

  static Value parameters(Object given) {
    if (given instanceof Value v) {
      return v;
    }
    if (given instanceof Map<?, ?> m) {
      Map<String, Object> values = new LinkedHashMap<>();
      m.forEach((k, v) -> values.put(String.valueOf(k), v));
      return Values.value(values);
    }
    return Values.EmptyMap;
  }

  static void operators(Plan plan, List<String> into) {
    String details = String.valueOf(plan.arguments().getOrDefault("Details", Values.NULL));
    String op = plan.operatorType().replaceAll("@.*$", "");
    into.add(
        op.contains("Index") || op.contains("LabelScan") || op.equals("AllNodesScan")
            ? op + " " + oneLine(details.replace("\"", ""), 70)
            : op);
    plan.children().forEach(c -> operators(c, into));
  }

  /** Database hits of a profiled plan and its children. */
  static long[] totals(ProfiledPlan plan) {
    long[] t = {plan.dbHits()};
    for (ProfiledPlan c : plan.children()) {
      t[0] += totals(c)[0];
    }
    return t;
  }

  static String render(Plan plan, int depth) {
    StringBuilder s = new StringBuilder("  ".repeat(depth)).append(plan.operatorType());
    if (plan instanceof ProfiledPlan p) {
      s.append(String.format(Locale.ROOT, " rows=%d dbHits=%d", p.records(), p.dbHits()));
    }
    Object details = plan.arguments().get("Details");
    if (details != null) {
      s.append(" ").append(oneLine(String.valueOf(details), 200));
    }
    s.append('\n');
    plan.children().forEach(c -> s.append(render(c, depth + 1)));
    return s.toString();
  }

  static String oneLine(String text, int max) {
    String s = text == null ? "" : text.replaceAll("\\s+", " ").replace("|", "/").strip();
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
