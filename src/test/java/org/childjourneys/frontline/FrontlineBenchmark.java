package org.childjourneys.frontline;

import static org.childjourneys.BenchmarkIdentity.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.childjourneys.BenchmarkIdentity;
import org.childjourneys.BenchmarkStore;
import org.childjourneys.neo4j.CypherFile;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The front door's triage request (child, summary, first 50 chronology items, in touch now and
 * previously, with authorisation and audit) over HTTP GraphQL, against the same named Cypher
 * through the raw driver in the same run (no HTTP, no authorisation, no audit), on the 100k-child
 * synthetic authority. Also measures the audit write alone, for the audit overhead, and, when
 * {@code node} is on the PATH, the Neo4j GraphQL Library with Apollo Server (bench/neo4j-graphql,
 * {@link Neo4jGraphQlLibrary}) answering the same question over the same database through the
 * embedded Bolt endpoint, after checking on a sample that both answer with the same items ({@code
 * BENCH_NO_LIBRARY=1} leaves it out).
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:exec@frontline-benchmark} (reuses the store under
 * target/bench the import benchmark builds; the first run builds it, about 4 minutes). Bearer
 * tokens signed by a key made for the run (the council identity-provider path), so the figures
 * include token checking.
 */
public final class FrontlineBenchmark {

  /** The deployment's own authority code, as the service reads it. */
  private static volatile String homeAuthority = "";

  /** The front-door triage request (QueryPlanReport profiles it too). */
  public static final String TRIAGE =
      """
      query Triage($id: ID!) {
        child(id: $id, purpose: REFERRAL_TRIAGE) {
          id givenName familyName birthDate
          summary { firstContact lastContact openInvolvements contactsLast12Months
                    referralsLast12Months reReferral repeatContactsLast12Months previousCpPlans }
          chronology(first: 50) { totalCount edges { node { id date category kind service decision
                                  end closureReason team flags { flag } source { system asAt } } } }
          inTouch { now { kind service start team { name email phone organisation }
                          professionals { name role email phone lead } }
                    previously { kind service start end closureReason team { name } } }
        }
      }
      """;

  public static void main(String[] args) throws Exception {
    int children = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int clients = 8;
    Path home = BenchmarkStore.HOME;
    Path run = BenchmarkStore.runDirectory("frontline");
    BenchmarkIdentity idp = BenchmarkIdentity.create(run);

    long started = System.nanoTime();
    ConfigurableApplicationContext context = idp.startService(children, run);
    System.out.printf(
        "Service ready on a %,d-child authority in %.0f s%n",
        children, (System.nanoTime() - started) / 1e9);
    try {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      Driver driver = context.getBean(Driver.class);
      String database = context.getEnvironment().getProperty("spring.data.neo4j.database", "neo4j");
      homeAuthority = context.getBean(org.childjourneys.security.Authorities.class).home();
      List<String> ids =
          driver
              .executableQuery(
                  "MATCH (c:Child) WITH c, rand() AS r ORDER BY r LIMIT $n RETURN c.id AS id")
              .withParameters(Map.of("n", requests))
              .execute()
              .records()
              .stream()
              .map(r -> r.get("id").asString())
              .toList();
      if (System.getenv("BENCH_PROFILE") != null) {
        profile(driver, database, ids.subList(0, 5));
        statementTimes(driver, database, ids);
        var embedded = context.getBean(org.childjourneys.neo4j.EmbeddedNeo4j.class).database();
        for (int round = 0; round < 3; round++) {
          long t = System.nanoTime();
          for (int i = 0; i < 300; i++) {
            try (var tx = embedded.beginTx()) {
              tx.execute("RETURN 1 AS one").resultAsString();
              tx.commit();
            }
          }
          System.out.printf(
              "embedded API RETURN 1 round %d mean %.3f ms%n",
              round, (System.nanoTime() - t) / 1e6 / 300);
          t = System.nanoTime();
          try (Session s = driver.session(SessionConfig.forDatabase(database))) {
            for (int i = 0; i < 300; i++) {
              s.run("RETURN 1 AS one").consume();
            }
          }
          System.out.printf(
              "driver auto-commit RETURN 1 round %d mean %.3f ms%n",
              round, (System.nanoTime() - t) / 1e6 / 300);
        }
        if (System.getenv("BENCH_PROFILE_ONLY") != null) {
          return;
        }
      }
      String token = idp.token("FRONT_DOOR");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI uri = URI.create("http://localhost:" + port + "/graphql");

      Runner graphQl = id -> triage(http, uri, token, id);
      Runner raw = id -> rawTriage(driver, database, id);
      Runner audit = id -> auditOnly(driver, database, id);

      // The Neo4j GraphQL Library over the same database (bench/neo4j-graphql), when Node is here.
      String asOf =
          driver
              .executableQuery(
                  "OPTIONAL MATCH (d:Dataset {id: 'main'})"
                      + " RETURN toString(coalesce(d.referenceDate, date())) AS d")
              .execute()
              .records()
              .get(0)
              .get("d")
              .asString();
      var embedded = context.getBean(org.childjourneys.neo4j.EmbeddedNeo4j.class);
      Neo4jGraphQlLibrary library =
          System.getenv("BENCH_NO_LIBRARY") != null
              ? null
              : Neo4jGraphQlLibrary.startIfAvailable(
                  Path.of("bench", "neo4j-graphql").toAbsolutePath(),
                  embedded.boltUri(),
                  embedded.username(),
                  embedded.password(),
                  run);
      try {
        measure(children, ids, clients, http, uri, token, asOf, graphQl, raw, audit, library, home);
      } finally {
        if (library != null) {
          library.close();
        }
      }
    } finally {
      context.close();
    }
  }

  static void measure(
      int children,
      List<String> ids,
      int clients,
      HttpClient http,
      URI uri,
      String token,
      String asOf,
      Runner graphQl,
      Runner raw,
      Runner audit,
      Neo4jGraphQlLibrary library,
      Path home)
      throws Exception {
    Runner lib =
        library == null ? null : id -> library.post(http, Neo4jGraphQlLibrary.TRIAGE, id, asOf);
    Runner libGenerated =
        library == null
            ? null
            : id -> library.post(http, Neo4jGraphQlLibrary.TRIAGE_GENERATED, id, asOf);
    String loadBefore = loadAverage();

    // Warm up every path (JIT, page cache, query plans).
    List<String> warm = ids.subList(0, Math.min(500, ids.size()));
    time(graphQl, warm);
    time(raw, warm);
    String comparison = "";
    if (library != null) {
      time(lib, warm);
      time(libGenerated, warm);
      comparison =
          compare(http, uri, token, library, ids.subList(0, Math.min(200, ids.size())), asOf);
    }

    Timed rawTimed = timed(raw, ids, library);
    Timed gqlTimed = timed(graphQl, ids, library);
    Timed libTimed = library == null ? null : timed(lib, ids, library);
    Timed genTimed = library == null ? null : timed(libGenerated, ids, library);
    long[] rawSingle = rawTimed.nanos();
    long[] gqlSingle = gqlTimed.nanos();
    long[] libSingle = library == null ? null : libTimed.nanos();
    long[] genSingle = library == null ? null : genTimed.nanos();
    double rawThroughput = throughput(raw, ids, clients);
    double gqlThroughput = throughput(graphQl, ids, clients);
    double libThroughput = library == null ? 0 : throughput(lib, ids, clients);
    double genThroughput = library == null ? 0 : throughput(libGenerated, ids, clients);
    // Last: its entries carry made-up hashes, so the benchmark store's chain is not intact
    // after a run (the store under target/bench is for benchmarks only).
    long[] auditSingle = time(audit, ids);
    String loadAfter = loadAverage();

    double gqlP50 = percentile(gqlSingle, 50);
    double rawP50 = percentile(rawSingle, 50);
    double auditP50 = percentile(auditSingle, 50);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "Triage request on %,d children, %,d requests per measurement, %d clients for"
                + " throughput%n",
            children, ids.size(), clients));
    out.append(
        String.format(
            "| path | p50 ms | p95 ms | p99 ms | req/s, 1 client | req/s, %d clients | CPU"
                + " ms/request (1 client), JVM + Node |%n|---|---|---|---|---|---|---|%n",
            clients));
    out.append(
        row(
            "HTTP GraphQL (token check, authorisation, audit)",
            gqlSingle,
            gqlThroughput,
            gqlTimed));
    out.append(
        row(
            "raw driver, same Cypher (no HTTP, no authorisation, no audit)",
            rawSingle,
            rawThroughput,
            rawTimed));
    if (library != null) {
      out.append(
          row(
              "Neo4j GraphQL Library + Apollo Server (@cypher chronology; no auth, purpose,"
                  + " audit, summary)",
              libSingle,
              libThroughput,
              libTimed));
      out.append(
          row(
              "Neo4j GraphQL Library, generated traversal only (every fact of every record,"
                  + " unmerged, unsorted)",
              genSingle,
              genThroughput,
              genTimed));
    }
    out.append(row("audit write alone (one entry, chained)", auditSingle, -1, null));
    out.append(
        String.format(
            "Ratio GraphQL/raw (p50): %.2f; audit write / GraphQL request (p50): %.0f%%%n",
            gqlP50 / rawP50, 100 * auditP50 / gqlP50));
    if (library != null) {
      double libP50 = percentile(libSingle, 50);
      out.append(
          String.format(
              "Ratio GraphQL/Neo4j GraphQL Library: p50 %.2f, p99 %.2f, throughput %.2f"
                  + " (above 1: ours is slower)%n",
              gqlP50 / libP50,
              percentile(gqlSingle, 99) / percentile(libSingle, 99),
              libThroughput / gqlThroughput));
      out.append(comparison);
      out.append(LIBRARY_CAVEATS);
    }
    out.append(
        String.format(
            "Load average (1, 5, 15 min; 2 cores shared with other work): before %s, after %s%n",
            loadBefore, loadAfter));
    System.out.print(out);
    Files.writeString(home.resolve("frontline.md"), out.toString());
  }

  static final String LIBRARY_CAVEATS =
      """
      What the Neo4j GraphQL Library's answer does NOT do or include that ours does: no bearer \
      token check (no authentication configured), no role x purpose check, restricted records \
      (sealed, adopted, refuge) returned to anyone, no sharing rules or consent per service, no \
      audit entry, no summary (first/last contact, open involvements, 12-month counts, \
      re-referral, repeat contacts, previous CP plans), no chronology flags (traumatic, strength, \
      need, from the source and chronology/flags.csv, or practitioners'), no source freshness \
      (system, as at), no lead professional, no cursors (first N only), no depth/complexity \
      limits, no contact confirmations. Its chronology and open/ended split are @cypher fields we wrote for it; \
      teams, organisations and professionals (with the allocation's role and lead) are generated \
      traversal. What it has that ours does not: generated filtering and sorting on every \
      property, raw properties (receivedAt, needCodes...), generated mutations (switched off here).
      Its Bolt sockets have TCP_NODELAY set by server.mjs (BOLT_NODELAY=0: the driver as shipped, \
      ~50 ms more per request here).
      """;

  /** The machine's load averages (1, 5, 15 minutes) as text, e.g. "3.10 2.75 2.01". */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  static final String VERIFY =
      """
      query Verify($id: ID!) {
        child(id: $id, purpose: REFERRAL_TRIAGE) {
          chronology(first: 50) { totalCount edges { node { id } } }
          inTouch { now { id professionals { name } } previously { id } }
        }
      }
      """;

  /**
   * Whether the library answers for the same children with the same items: for each sampled id, the
   * chronology's total and first 50 ids in order, the involvements open (with how many
   * professionals are allocated now) and ended, in order.
   */
  static String compare(
      HttpClient http,
      URI uri,
      String token,
      Neo4jGraphQlLibrary library,
      List<String> sample,
      String asOf)
      throws Exception {
    int same = 0;
    int withheld = 0;
    int generatedSame = 0;
    long items = 0;
    long open = 0;
    long ended = 0;
    List<String> mismatches = new ArrayList<>();
    for (String id : sample) {
      String body =
          BenchmarkIdentity.post(http, uri, token, VERIFY, "{\"id\":" + json(id) + "}", false);
      Neo4jGraphQlLibrary.Answer ours = Neo4jGraphQlLibrary.ours(body);
      Neo4jGraphQlLibrary.Answer theirs = library.answer(http, id, asOf);
      if (ours == null) {
        withheld++; // refused (a restricted record): the library answers anyway
        continue;
      }
      items += ours.total();
      open += ours.open().size();
      ended += ours.ended().size();
      if (ours.equals(theirs)) {
        same++;
      } else if (mismatches.size() < 10) {
        mismatches.add(id + ": ours " + ours + " library " + theirs);
      }
      int facts = library.generatedFacts(http, id);
      if (facts == ours.total()) {
        generatedSame++;
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "Same answers, %d sampled children: %d identical (chronology total, first 50 ids in"
                + " order, open involvements with their professionals now, ended involvements); %d refused by our service (restricted"
                + " record) and answered by the library; %d different. Generated-only answer"
                + " carries the same number of facts for %d of %d.%n",
            sample.size(),
            same,
            withheld,
            sample.size() - same - withheld,
            generatedSame,
            sample.size() - withheld));
    int answered = Math.max(1, sample.size() - withheld);
    out.append(
        String.format(
            "  (per child, our answers: %.1f chronology items, %.1f open and %.1f ended"
                + " involvements on average)%n",
            (double) items / answered, (double) open / answered, (double) ended / answered));
    for (String m : mismatches) {
      out.append("  mismatch ").append(m).append('\n');
    }
    return out.toString();
  }

  /** BENCH_PROFILE=1: each statement's plan time and database hits for a few children. */
  static void profile(Driver driver, String database, List<String> ids) {
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      for (String id : ids) {
        Map<String, Object> one = new java.util.HashMap<>();
        one.put("ids", List.of(id));
        one.put("team", null);
        // The benchmark's user is of the deployment's own authority (multi-authority rules).
        one.put("home", homeAuthority);
        one.put("authority", homeAuthority);
        for (String q :
            List.of(
                "child/children-by-id",
                "dataset/sources",
                "chronology/child-facts",
                "involvement/in-touch")) {
          for (int warm = 0; warm < 20; warm++) {
            s.run(CypherFile.load(q), one).consume();
          }
          long t = System.nanoTime();
          var summary = s.run("PROFILE " + CypherFile.load(q), one).consume();
          long hits = dbHits(summary.profile());
          System.out.printf(
              "%s %-26s %6.2f ms %7d db hits, rows %d%n",
              id, q, (System.nanoTime() - t) / 1e6, hits, summary.profile().records());
        }
      }
    }
  }

  /** BENCH_PROFILE=1: mean time of each statement on its own (auto-commit), over many children. */
  static void statementTimes(Driver driver, String database, List<String> ids) {
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      for (String q :
          List.of(
              "RETURN 1 AS one",
              "MATCH (d:DataSource) RETURN count(d) AS n",
              "dataset/sources",
              "child/children-by-id",
              "chronology/child-facts",
              "involvement/in-touch")) {
        String cypher = q.contains(" ") ? q : CypherFile.load(q);
        for (int round = 0; round < 3; round++) {
          long t = System.nanoTime();
          for (String id : ids) {
            Map<String, Object> one = new java.util.HashMap<>();
            one.put("ids", List.of(id));
            one.put("team", null);
            // The benchmark's user is of the deployment's own authority (multi-authority rules).
            one.put("home", homeAuthority);
            one.put("authority", homeAuthority);
            s.executeRead(tx -> tx.run(cypher, one).list());
          }
          System.out.printf(
              "%-42s round %d mean %.2f ms%n",
              q, round, (System.nanoTime() - t) / 1e6 / ids.size());
        }
      }
    }
  }

  static long dbHits(org.neo4j.driver.summary.ProfiledPlan plan) {
    long hits = plan.dbHits();
    for (var child : plan.children()) {
      hits += dbHits(child);
    }
    return hits;
  }

  interface Runner {
    void run(String id) throws Exception;
  }

  static void triage(HttpClient http, URI uri, String token, String id) throws Exception {
    BenchmarkIdentity.post(http, uri, token, TRIAGE, "{\"id\":" + json(id) + "}", true);
  }

  /** The statements the service runs for a triage request, in one read transaction. */
  static void rawTriage(Driver driver, String database, String id) {
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      s.executeRead(
          tx -> {
            Map<String, Object> one = new java.util.HashMap<>();
            one.put("ids", List.of(id));
            one.put("team", null);
            // The benchmark's user is of the deployment's own authority (multi-authority rules).
            one.put("home", homeAuthority);
            one.put("authority", homeAuthority);
            tx.run(CypherFile.load("child/children-by-id"), one).consume();
            tx.run(CypherFile.load("dataset/sources")).consume();
            tx.run(CypherFile.load("chronology/child-facts"), Map.of("ids", List.of(id))).list();
            tx.run(CypherFile.load("dataset/sources")).consume();
            tx.run(CypherFile.load("involvement/in-touch"), Map.of("ids", List.of(id))).list();
            return null;
          });
    }
  }

  /** The chain head as the benchmark's own audit writer last left it. */
  static Map.Entry<Long, String> auditHead;

  /**
   * One audit entry written as the service's writer writes it: one auto-commit statement chaining
   * after the head it knows (read once, with its lock, at the start).
   */
  static void auditOnly(Driver driver, String database, String id) {
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      if (auditHead == null) {
        auditHead =
            s.executeWrite(
                tx -> {
                  var head = tx.run(CypherFile.load("security/audit-chain-lock")).single();
                  return Map.entry(head.get("seq").asLong(), head.get("head").asString());
                });
      }
      long seq = auditHead.getKey() + 1;
      Map<String, Object> entry = new java.util.HashMap<>();
      entry.put("seq", seq);
      entry.put("at", java.time.OffsetDateTime.now());
      entry.put("actor", "benchmark");
      entry.put("role", "FRONT_DOOR");
      entry.put("purpose", "REFERRAL_TRIAGE");
      entry.put("action", "BENCHMARK");
      entry.put("childId", id);
      entry.put("what", "benchmark");
      entry.put("allowed", true);
      entry.put("found", true);
      entry.put("prevHash", auditHead.getValue());
      String hash = Long.toHexString(seq) + "-benchmark";
      entry.put("hash", hash);
      Map<String, Object> params = new java.util.HashMap<>();
      params.put("expectedSeq", auditHead.getKey());
      params.put("expectedHead", auditHead.getValue());
      params.put("entries", List.of(entry));
      params.put("seq", seq);
      params.put("head", hash);
      long written =
          s.run(CypherFile.load("security/audit-append-after"), params)
              .single()
              .get("written")
              .asLong();
      if (written != 1) {
        throw new IllegalStateException("audit head moved under the benchmark");
      }
      auditHead = Map.entry(seq, hash);
    }
  }

  /**
   * Single-client latencies and the CPU time they cost per request: this JVM (client, service,
   * database) and the library's Node process, read from the OS before and after. On a machine
   * shared with other work, CPU per request is steadier than wall time.
   */
  record Timed(long[] nanos, double jvmCpuMs, double nodeCpuMs) {
    String cpu() {
      return String.format("%.1f + %.1f", jvmCpuMs, nodeCpuMs);
    }
  }

  static Timed timed(Runner runner, List<String> ids, Neo4jGraphQlLibrary library)
      throws Exception {
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long jvm = os.getProcessCpuTime();
    long node = library == null ? 0 : library.cpuNanos();
    long[] nanos = time(runner, ids);
    double jvmMs = (os.getProcessCpuTime() - jvm) / 1e6 / ids.size();
    double nodeMs = library == null ? 0 : (library.cpuNanos() - node) / 1e6 / ids.size();
    return new Timed(nanos, jvmMs, nodeMs);
  }

  static long[] time(Runner runner, List<String> ids) throws Exception {
    long[] nanos = new long[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      long t = System.nanoTime();
      runner.run(ids.get(i));
      nanos[i] = System.nanoTime() - t;
    }
    return nanos;
  }

  static double throughput(Runner runner, List<String> ids, int clients) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    long t = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(
          pool.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < ids.size()) {
                  runner.run(ids.get(i));
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return ids.size() / ((System.nanoTime() - t) / 1e9);
  }

  /**
   * One path's row: single-client latency percentiles and requests/s (requests over the time they
   * took one after another), the many-client requests/s (none when negative) and CPU.
   */
  static String row(String path, long[] single, double manyClients, Timed timed) {
    double oneClient = single.length / (Arrays.stream(single).sum() / 1e9);
    return String.format(
        "| %s | %.2f | %.2f | %.2f | %.0f | %s | %s |%n",
        path,
        percentile(single, 50),
        percentile(single, 95),
        percentile(single, 99),
        oneClient,
        manyClients < 0 ? "" : String.format("%.0f", manyClients),
        timed == null ? "" : timed.cpu());
  }

  static double percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
