package org.childjourneys.frontline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Neo4j GraphQL Library ({@code @neo4j/graphql} with Apollo Server, bench/neo4j-graphql) as a
 * Node process answering the triage question over the same database as the service, through the
 * embedded Neo4j's Bolt endpoint. For {@link FrontlineBenchmark}: started when {@code node} is on
 * the PATH (its packages installed with {@code npm ci} if missing), stopped by closing its stdin.
 */
final class Neo4jGraphQlLibrary implements AutoCloseable {

  /**
   * The triage question as close as the library allows: the child by id; its first 50 chronology
   * items newest first and how many there are (custom {@code @cypher} fields that merge contacts,
   * involvements, events and notes across the child's records); involvements open on the date the
   * data describes with their team, its organisation and the professionals allocated then
   * (generated traversal, relationship-property filter), and involvements ended by then.
   */
  static final String TRIAGE =
      """
      query Triage($id: ID!, $asOf: Date!) {
        children(where: { id: { eq: $id } }) {
          id givenName familyName birthDate
          chronologyCount
          chronology(first: 50) {
            __typename
            ... on Contact { id date receivedAt decision team service sourceSystem }
            ... on Involvement { id kind service start end closureReason sourceSystem
                                 withTeam: team { name } }
            ... on Event { id kind service date traumatic strength needCodes sourceSystem }
            ... on Annotation { id kind date text by }
          }
          involvementsOpen(asOf: $asOf) {
            id kind service start
            team { name email phone organisation { name } }
            professionalsConnection(where: { edge: { AND: [
                { OR: [{ from: { eq: null } }, { from: { lte: $asOf } }] },
                { OR: [{ to: { eq: null } }, { to: { gt: $asOf } }] } ] } }) {
              edges { properties { role lead } node { name role email phone } }
            }
          }
          involvementsEnded(asOf: $asOf) {
            id kind service start end closureReason team { name }
          }
        }
      }
      """;

  /**
   * The same question with the generated API only (no custom Cypher): every record of the child and
   * every fact of each, not merged, not sorted across records, not limited. A client would have to
   * merge, sort and cut to 50 itself.
   */
  static final String TRIAGE_GENERATED =
      """
      query TriageGenerated($id: ID!) {
        children(where: { id: { eq: $id } }) {
          id givenName familyName birthDate
          records {
            system
            contacts(where: { retiredAt: { eq: null } }) {
              id date receivedAt decision team service sourceSystem }
            events(where: { retiredAt: { eq: null } }) {
              id kind service date traumatic strength needCodes sourceSystem }
            involvements(where: { retiredAt: { eq: null } }) {
              id kind service start end closureReason sourceSystem
              team { name email phone organisation { name } }
              professionalsConnection {
                edges { properties { role lead from to } node { name role email phone } }
              }
            }
          }
        }
      }
      """;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Process process;
  private final URI uri;
  private final Path log;

  private Neo4jGraphQlLibrary(Process process, URI uri, Path log) {
    this.process = process;
    this.uri = uri;
    this.log = log;
  }

  /**
   * Starts the library's server against this Bolt endpoint, or returns null (saying why) when Node
   * or the packages cannot be had or the server does not start: the benchmark suite then goes on
   * without this comparison.
   */
  static Neo4jGraphQlLibrary startIfAvailable(
      Path dir, URI bolt, String user, String password, Path runDir) {
    try {
      return start(dir, bolt, user, password, runDir);
    } catch (Exception e) {
      System.out.println("Neo4j GraphQL Library: skipped, " + e.getMessage());
      return null;
    }
  }

  private static Neo4jGraphQlLibrary start(
      Path dir, URI bolt, String user, String password, Path runDir) throws Exception {
    if (!Files.isRegularFile(dir.resolve("server.mjs"))) {
      System.out.println("Neo4j GraphQL Library: skipped, no " + dir.resolve("server.mjs"));
      return null;
    }
    String node = version("node");
    if (node == null) {
      System.out.println("Neo4j GraphQL Library: skipped, `node` is not on the PATH");
      return null;
    }
    if (!Files.isDirectory(dir.resolve("node_modules").resolve("@neo4j").resolve("graphql"))) {
      if (version("npm") == null) {
        System.out.println("Neo4j GraphQL Library: skipped, no node_modules and no `npm`");
        return null;
      }
      System.out.println("Neo4j GraphQL Library: npm ci in " + dir);
      Process npm =
          new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(runDir.resolve("npm-ci.log").toFile())
              .start();
      if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        npm.destroy();
        System.out.println(
            "Neo4j GraphQL Library: skipped, npm ci failed (" + runDir.resolve("npm-ci.log") + ")");
        return null;
      }
    }
    Path out = runDir.resolve("neo4j-graphql.out");
    Path log = runDir.resolve("neo4j-graphql.log");
    ProcessBuilder builder =
        new ProcessBuilder("node", "server.mjs")
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(log.toFile());
    builder.environment().put("NEO4J_URI", bolt.toString());
    builder.environment().put("NEO4J_USER", user);
    builder.environment().put("NEO4J_PASSWORD", password);
    builder.environment().put("PORT", "0");
    builder.environment().put("HOST", "127.0.0.1");
    builder.environment().put("TMPDIR", System.getProperty("java.io.tmpdir"));
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      String text = Files.exists(out) ? Files.readString(out) : "";
      int at = text.indexOf("READY ");
      if (at >= 0 && text.indexOf('\n', at) > 0) {
        String url = text.substring(at + 6, text.indexOf('\n', at)).strip();
        System.out.println("Neo4j GraphQL Library (node " + node + ") ready at " + url);
        return new Neo4jGraphQlLibrary(process, URI.create(url), log);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "its server stopped: "
                + Files.readString(log).lines().limit(5).reduce("", (a, b) -> a + b + " "));
      }
      Thread.sleep(100);
    }
    process.destroy();
    throw new IllegalStateException("its server did not start within 120 s (" + log + ")");
  }

  /** CPU time the Node process has used so far (user and system), in nanoseconds. */
  long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L);
  }

  /** One request; fails on an HTTP error or a GraphQL error, like the service's runner. */
  String post(HttpClient http, String query, String id, String asOf) throws Exception {
    Map<String, Object> variables =
        query.equals(TRIAGE_GENERATED) ? Map.of("id", id) : Map.of("id", id, "asOf", asOf);
    String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
      throw new IllegalStateException(
          "Neo4j GraphQL Library: " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /**
   * What the library's answer says of one child, reduced to an {@link Answer}; null when it knows
   * no such child.
   */
  Answer answer(HttpClient http, String id, String asOf) throws Exception {
    JsonNode children = JSON.readTree(post(http, TRIAGE, id, asOf)).path("data").path("children");
    if (children.isEmpty()) {
      return null;
    }
    JsonNode child = children.get(0);
    List<Integer> allocated = new ArrayList<>();
    for (JsonNode involvement : child.path("involvementsOpen")) {
      allocated.add(involvement.path("professionalsConnection").path("edges").size());
    }
    return new Answer(
        child.path("chronologyCount").asInt(),
        ids(child.path("chronology")),
        ids(child.path("involvementsOpen")),
        allocated,
        ids(child.path("involvementsEnded")));
  }

  /** How many facts the generated-only answer carries for one child (all records, all facts). */
  int generatedFacts(HttpClient http, String id) throws Exception {
    JsonNode children =
        JSON.readTree(post(http, TRIAGE_GENERATED, id, null)).path("data").path("children");
    java.util.Set<String> facts = new java.util.HashSet<>();
    for (JsonNode child : children) {
      for (JsonNode record : child.path("records")) {
        for (String kind : List.of("contacts", "events", "involvements")) {
          facts.addAll(ids(record.path(kind)));
        }
      }
    }
    return facts.size();
  }

  /** The same facts of our service's answer, from its JSON. */
  static Answer ours(String body) {
    JsonNode child = JSON.readTree(body).path("data").path("child");
    if (child.isNull() || child.isMissingNode()) {
      return null;
    }
    List<String> chronology = new ArrayList<>();
    for (JsonNode edge : child.path("chronology").path("edges")) {
      chronology.add(edge.path("node").path("id").asString());
    }
    List<Integer> allocated = new ArrayList<>();
    for (JsonNode involvement : child.path("inTouch").path("now")) {
      allocated.add(involvement.path("professionals").size());
    }
    return new Answer(
        child.path("chronology").path("totalCount").asInt(),
        chronology,
        ids(child.path("inTouch").path("now")),
        allocated,
        ids(child.path("inTouch").path("previously")));
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    for (JsonNode item : list) {
      ids.add(item.path("id").asString());
    }
    return ids;
  }

  /**
   * One child's answer reduced to what both sides must agree on: the chronology's total and first
   * 50 ids in order, the open involvements in order with how many professionals are allocated to
   * each now, and the ended involvements in order.
   */
  record Answer(
      int total,
      List<String> chronology,
      List<String> open,
      List<Integer> allocatedNow,
      List<String> ended) {}

  private static String version(String command) {
    try {
      Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroy();
        return null;
      }
      String v = new String(p.getInputStream().readAllBytes()).strip();
      return p.exitValue() == 0 ? v : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close(); // the server stops when its stdin closes
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    String errors = Files.exists(log) ? Files.readString(log).strip() : "";
    if (!errors.isEmpty()) {
      System.out.println("Neo4j GraphQL Library stderr (" + log + "):");
      System.out.println(errors.lines().limit(20).reduce("", (a, b) -> a + b + "\n"));
    }
  }
}
