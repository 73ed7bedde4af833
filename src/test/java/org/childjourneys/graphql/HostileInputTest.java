package org.childjourneys.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.childjourneys.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a hostile or careless client can send over HTTP: queries too deep, too complex or asking for
 * huge pages, injection attempts in every string and ID argument, invalid purposes and variables,
 * broken and huge bodies. None may change the graph, reveal what it should not, or answer with
 * internals (exception names, Cypher, stack traces).
 */
class HostileInputTest extends IntegrationTest {

  /** Every string and ID argument of the schema, with the user allowed to call it. */
  static final List<String[]> STRING_ARGUMENTS =
      List.of(
          new String[] {
            "front-door",
            "query($v: ID!) { child(id: $v, purpose: REFERRAL_TRIAGE) { id givenName } }",
            "child"
          },
          new String[] {
            "quality-assurance",
            "query($v: ID) { accessLog(childId: $v) { childId actor } }",
            "accessLog"
          },
          new String[] {
            "quality-assurance",
            "query($v: String) { accessLog(user: $v) { childId actor } }",
            "accessLog"
          },
          new String[] {
            "admin", "query($v: ID!) { importJob(id: $v) { id status } }", "importJob"
          });

  static final List<String> HOSTILE_VALUES =
      List.of(
          "' OR 1=1 //",
          "\" OR true //",
          "C00000001' OR '1'='1",
          "C1}) MATCH (n) DETACH DELETE n //",
          "C1\"}) WITH 1 AS x MATCH (n) SET n.owned = true //",
          "$id",
          "{id}",
          "\u0000",
          "C0000000\u00001",
          "../../../../etc/passwd",
          "<script>alert(1)</script>",
          "x".repeat(100_000));

  static final List<String> INTERNALS =
      List.of(
          "Exception",
          "org.neo4j",
          "org.springframework",
          "org.childjourneys",
          "java.",
          "Cypher",
          "Neo4j",
          "\tat ",
          "\"trace\"");

  static final JsonMapper json = new JsonMapper();

  @LocalServerPort int port;

  @Autowired GraphQlLimits limits;

  @Autowired ApplicationContext context;

  record Answer(int status, String body, HttpHeaders headers) {
    Map<?, ?> parsed() {
      return json.readValue(body, Map.class);
    }

    List<Map<?, ?>> errors() {
      Object errors = parsed().get("errors");
      return errors == null ? List.of() : (List<Map<?, ?>>) errors;
    }

    Map<?, ?> data() {
      return (Map<?, ?>) parsed().get("data");
    }
  }

  Answer post(String user, String body) {
    return RestClient.create("http://localhost:" + port)
        .post()
        .uri("/graphql")
        .header("Authorization", TestUsers.basic(user))
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange(
            (req, res) ->
                new Answer(
                    res.getStatusCode().value(),
                    new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8),
                    res.getHeaders()));
  }

  Answer query(String user, String document, Map<String, Object> variables) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("query", document);
    request.put("variables", variables);
    return post(user, json.writeValueAsString(request));
  }

  Answer query(String user, String document) {
    return query(user, document, Map.of());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> extensions(Map<?, ?> error) {
    return (Map<String, Object>) error.get("extensions");
  }

  /** Nothing in the answer's errors names an exception, a class, Cypher or the database. */
  static void revealsNoInternals(Answer answer) {
    for (Map<?, ?> error : answer.errors()) {
      assertThat(error.toString()).doesNotContain(INTERNALS);
    }
  }

  static void revealsNoInternals(String body) {
    assertThat(body).doesNotContain(INTERNALS);
  }

  record GraphCounts(long nodes, long relationships, long auditEntries) {}

  /**
   * The graph apart from the audit trail, which rightly grows with every read of a child (its chain
   * head is created by the first read in a new database).
   */
  static GraphCounts counts() {
    try (Session s = TestNeo4j.driver().session()) {
      var r =
          s.run(
                  """
                  CALL { MATCH (n) WHERE NOT n:AuditEntry AND NOT n:AuditChain RETURN count(n) AS nodes }
                  CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
                  CALL { MATCH (a:AuditEntry) RETURN count(a) AS audit }
                  RETURN nodes, relationships, audit
                  """)
              .single();
      return new GraphCounts(
          r.get("nodes").asLong(), r.get("relationships").asLong(), r.get("audit").asLong());
    }
  }

  static String someChildId() {
    try (Session s = TestNeo4j.driver().session()) {
      return s.run("MATCH (c:Child) RETURN c.id AS id ORDER BY id LIMIT 1")
          .single()
          .get("id")
          .asString();
    }
  }

  /** Eight fields of a chronology item: a page of n items costs 1 + n x (1 + 1 + 8). */
  static final String EVENT_FIELDS = "id kind service date category needCodes text recordedBy";

  @Test
  void aTriageQueryWithAPageOfFiftyEventsIsWithinTheLimits() {
    String triage =
        """
        query($id: ID!) {
          child(id: $id, purpose: REFERRAL_TRIAGE) {
            id givenName familyName birthDate sex ethnicity
            records { id system localId linkMethod linkStatus linkScore identifiers { scheme value } }
            family { id relationship parentalResponsibility givenName familyName birthDate }
            summary { openInvolvements contactsLast12Months reReferral previousCpPlans }
            inTouch { now { id kind service start team { id name email phone organisation }
                            professionals { name role email phone lead from to } }
                      previously { id kind service end } }
            chronology(first: 50) { totalCount edges { node { %s } } }
          }
        }
        """
            .formatted(EVENT_FIELDS);
    Answer answer = query("front-door", triage, Map.of("id", someChildId()));
    assertThat(answer.errors()).isEmpty();
    assertThat(((Map<?, ?>) answer.data().get("child")).get("chronology")).isNotNull();
  }

  @Test
  void anOverComplexQueryIsRefusedBeforeAnythingRunsOrIsAudited() {
    // 4 aliased full chronology pages: 1 + 4 x (1 + 100 x 10) = 4005, over the 3000 allowed.
    StringBuilder pages = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      pages
          .append(" p")
          .append(i)
          .append(": chronology(first: 100) { edges { node { ")
          .append(EVENT_FIELDS)
          .append(" } } }");
    }
    GraphCounts before = counts();
    Answer answer =
        query(
            "front-door",
            "query($id: ID!) { child(id: $id, purpose: REFERRAL_TRIAGE) {" + pages + " } }",
            Map.of("id", someChildId()));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.errors()).hasSize(1);
    Map<?, ?> error = answer.errors().get(0);
    assertThat(error.get("message"))
        .isEqualTo(
            "Query refused: its complexity is 4005, more than the maximum of 3000"
                + " (childjourneys.graphql.max-complexity)");
    assertThat(extensions(error))
        .containsEntry("classification", "BAD_REQUEST")
        .containsEntry("limit", "max-complexity")
        .containsEntry("value", 4005)
        .containsEntry("maximum", 3000);
    assertThat(answer.data()).isNull();
    // Refused before the child was read: no audit entry either.
    assertThat(counts()).isEqualTo(before);

    // A page of 500 on a list is over the limit by itself: 1 + (1 + 500 x 10).
    Answer big =
        query(
            "front-door",
            "query($id: ID!) { child(id: $id, purpose: REFERRAL_TRIAGE) { chronology(first: 500) {"
                + " edges { node { "
                + EVENT_FIELDS
                + " } } } } }",
            Map.of("id", someChildId()));
    assertThat(extensions(big.errors().get(0)))
        .containsEntry("limit", "max-complexity")
        .containsEntry("value", 5002);
  }

  @Test
  void anOverDeepQueryIsRefused() {
    // The schema's own types nest 4 deep; only introspection goes deeper, and it is off here
    // (the depth limit itself is tested in GraphQlLimitsTest on a recursive schema).
    String tooDeep =
        "{ __schema { types { fields { type "
            + "{ ofType ".repeat(10)
            + "{ name "
            + "} ".repeat(11)
            + "} } } }";
    Answer answer = query("admin", tooDeep);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.errors()).isNotEmpty();
    assertThat(answer.data()).isNull();
    assertThat(answer.body()).doesNotContain("\"ofType\":");
    revealsNoInternals(answer);
  }

  @Test
  void pagesMustBeFromOneToTheMaximum() {
    String id = someChildId();
    for (int first : new int[] {0, -1, 101, 100_000}) {
      Answer answer =
          query(
              "front-door",
              "query($id: ID!, $n: Int) { child(id: $id, purpose: REFERRAL_TRIAGE) { id chronology(first: $n) { totalCount } } }",
              Map.of("id", id, "n", first));
      assertThat(answer.errors()).as("first: " + first).hasSize(1);
      Map<?, ?> extensions = (Map<?, ?>) answer.errors().get(0).get("extensions");
      assertThat(extensions.get("classification")).isEqualTo("BAD_REQUEST");
      if (first == 100_000) {
        // Refused by the complexity limit before it runs: 100,000 items count as 100,000 fields.
        assertThat(extensions.get("limit")).isEqualTo("max-complexity");
      } else {
        assertThat(answer.errors().get(0).get("message"))
            .isEqualTo("first: from 1 to 100, was " + first);
        assertThat(extensions.get("field")).isEqualTo("first");
      }
    }
    Answer full =
        query(
            "front-door",
            "query($id: ID!) { child(id: $id, purpose: REFERRAL_TRIAGE) { chronology(first: 100) { totalCount } } }",
            Map.of("id", id));
    assertThat(full.errors()).isEmpty();

    Answer log =
        query("quality-assurance", "{ accessLog(user: \"front-door\", last: 101) { seq } }");
    assertThat(log.errors().get(0).get("message")).isEqualTo("last: from 1 to 100, was 101");
    Answer jobs = query("admin", "{ importJobs(last: 0) { id } }");
    assertThat(jobs.errors().get(0).get("message")).isEqualTo("last: from 1 to 100, was 0");
  }

  /**
   * The frontline API's string arguments: search, children by id, chronology filters and cursor,
   * annotations and consent (on a child that does not exist, so nothing may be written). Each
   * hostile text is either refused as the caller's error naming the field, or treated as plain data
   * that matches nothing.
   */
  static final List<String[]> FRONTLINE_ARGUMENTS =
      List.of(
          new String[] {
            "query($v: String) { searchChildren(purpose: REFERRAL_TRIAGE, name: $v) { child { id } } }",
            "searchChildren"
          },
          new String[] {
            "query($v: String) { searchChildren(purpose: REFERRAL_TRIAGE, identifier: $v) { child { id } } }",
            "searchChildren"
          },
          new String[] {
            "query($v: String) { searchChildren(purpose: REFERRAL_TRIAGE, name: \"Olivia\", postcode: $v) { child { id } } }",
            "searchChildren"
          },
          new String[] {
            "query($v: ID!) { children(ids: [$v], purpose: SAFEGUARDING) { id } }", "children"
          },
          new String[] {
            "query($v: String!, $id: ID!) { child(id: $id, purpose: SAFEGUARDING) { chronology(filter: {kinds: [$v], services: [$v], needCodes: [$v]}) { totalCount } } }",
            "child"
          },
          new String[] {
            "query($v: String, $id: ID!) { child(id: $id, purpose: SAFEGUARDING) { chronology(after: $v) { totalCount } } }",
            "child"
          },
          new String[] {
            "mutation($v: String!) { addChronologyNote(purpose: SAFEGUARDING, childId: \"NO-SUCH\", date: \"2024-01-01\", text: $v) { id } }",
            "addChronologyNote"
          },
          new String[] {
            "mutation($v: ID!) { flagChronologyItem(purpose: SAFEGUARDING, childId: $v, itemId: $v, flag: TRAUMATIC) { id } }",
            "flagChronologyItem"
          },
          new String[] {
            "mutation($v: String) { recordConsent(purpose: SAFEGUARDING, childId: \"NO-SUCH\", service: \"EARLY_HELP\", given: true, scope: $v, note: $v) { id } }",
            "recordConsent"
          },
          new String[] {
            "mutation($v: String!) { recordConsent(purpose: SAFEGUARDING, childId: \"NO-SUCH\", service: $v, given: false) { id } }",
            "recordConsent"
          });

  @Test
  void injectionAttemptsInTheFrontlineApiAreRefusedOrFindNothing() {
    String id = someChildId();
    GraphCounts before = counts();
    for (String[] argument : FRONTLINE_ARGUMENTS) {
      for (String value : HOSTILE_VALUES) {
        String label = argument[1] + " <- " + value.substring(0, Math.min(40, value.length()));
        Answer answer = query("front-door", argument[0], Map.of("v", value, "id", id));
        assertThat(answer.status()).as(label).isEqualTo(200);
        revealsNoInternals(answer);
        if (!answer.errors().isEmpty()) {
          assertThat(answer.errors()).as(label).hasSize(1);
          assertThat(extensions(answer.errors().get(0)))
              .as(label)
              .containsEntry("classification", "BAD_REQUEST")
              .containsKey("field");
          continue;
        }
        Object found = answer.data().get(argument[1]);
        if (argument[1].equals("searchChildren")) {
          // plain text in a full-text search may match a real name; never more than a page
          assertThat((List<?>) found).as(label).hasSizeLessThanOrEqualTo(10);
        } else if (found instanceof List<?> list) {
          assertThat(list).as(label).allSatisfy(x -> assertThat(x).isNull());
        } else if (found instanceof Map<?, ?> child) {
          assertThat(((Map<?, ?>) child.get("chronology")).get("totalCount"))
              .as(label)
              .isEqualTo(0);
        } else {
          assertThat(found).as(label).isNull();
        }
      }
    }
    GraphCounts after = counts();
    assertThat(after.nodes()).isEqualTo(before.nodes());
    assertThat(after.relationships()).isEqualTo(before.relationships());
  }

  @Test
  void injectionAttemptsInEveryStringArgumentFindNothingAndChangeNothing() {
    GraphCounts before = counts();
    int childReads = 0;
    for (String[] argument : STRING_ARGUMENTS) {
      String user = argument[0];
      String document = argument[1];
      String field = argument[2];
      for (String value : HOSTILE_VALUES) {
        String label = field + " <- " + value.substring(0, Math.min(40, value.length()));
        Answer answer = query(user, document, Map.of("v", value));
        assertThat(answer.status()).as(label).isEqualTo(200);
        revealsNoInternals(answer);
        if (value.length() > IdArgument.MAX_LENGTH && document.contains("ID")) {
          // Too long to be an id (or to index): the caller's error, refused before any read.
          assertThat(answer.errors()).as(label).hasSize(1);
          assertThat(extensions(answer.errors().get(0)))
              .containsEntry("classification", "BAD_REQUEST")
              .containsKey("field");
          assertThat(answer.errors().get(0).get("message").toString())
              .endsWith(": at most 200 characters, was 100000");
          assertThat(answer.data() == null ? null : answer.data().get(field)).isNull();
          continue;
        }
        assertThat(answer.errors()).as(label).isEmpty();
        Object found = answer.data().get(field);
        if (found instanceof List<?> entries) {
          // The audit trail holds entries for exactly this text (the child reads above), no more.
          for (Object entry : entries) {
            Map<?, ?> e = (Map<?, ?>) entry;
            assertThat(document.contains("childId: $v") ? e.get("childId") : e.get("actor"))
                .as(label)
                .isEqualTo(value);
          }
        } else {
          assertThat(found).as(label).isNull();
        }
        if (field.equals("child")) {
          childReads++;
        }
      }
    }
    // The same texts written into the document itself rather than as variables.
    for (String value : HOSTILE_VALUES.subList(0, 7)) {
      String literal = value.replace("\\", "\\\\").replace("\"", "\\\"");
      Answer answer =
          query(
              "front-door",
              "{ child(id: \"" + literal + "\", purpose: REFERRAL_TRIAGE) { id givenName } }");
      assertThat(answer.errors()).as(value).isEmpty();
      assertThat(answer.data().get("child")).as(value).isNull();
      childReads++;
    }
    GraphCounts after = counts();
    assertThat(after.nodes()).isEqualTo(before.nodes());
    // Each read of a child, even of one that does not exist, is audited: one entry each.
    assertThat(after.auditEntries()).isEqualTo(before.auditEntries() + childReads);
    assertThat(after.relationships()).isEqualTo(before.relationships());
    try (Session s = TestNeo4j.driver().session()) {
      assertThat(
              s.run("MATCH (n) WHERE n.owned IS NOT NULL RETURN count(n) AS c")
                  .single()
                  .get("c")
                  .asLong())
          .isZero();
    }
  }

  @Test
  void invalidPurposesAreValidationErrorsAndNothingIsRead() {
    String id = someChildId();
    GraphCounts before = counts();
    List<Answer> answers = new ArrayList<>();
    answers.add(query("front-door", "{ child(id: \"" + id + "\", purpose: GOSSIP) { id } }"));
    answers.add(
        query("front-door", "{ child(id: \"" + id + "\", purpose: referral_triage) { id } }"));
    answers.add(query("front-door", "{ child(id: \"" + id + "\") { id } }"));
    answers.add(
        query("front-door", "{ child(id: \"" + id + "\", purpose: \"REFERRAL_TRIAGE\") { id } }"));
    answers.add(query("front-door", "{ child(id: \"" + id + "\", purpose: null) { id } }"));
    String byVariable = "query($p: Purpose!) { child(id: \"" + id + "\", purpose: $p) { id } }";
    answers.add(query("front-door", byVariable, Map.of("p", "referral_triage")));
    answers.add(query("front-door", byVariable, Map.of("p", "' OR 1=1 //")));
    answers.add(query("front-door", byVariable, Map.of()));
    for (Answer answer : answers) {
      assertThat(answer.errors()).as(answer.body()).isNotEmpty();
      assertThat(answer.data()).as(answer.body()).isNull();
      assertThat(answer.errors().get(0).get("message").toString()).containsIgnoringCase("purpose");
      revealsNoInternals(answer);
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void variablesOfTheWrongTypeAreRefusedOrFindNothing() {
    String id = someChildId();
    GraphCounts before = counts();
    String document =
        "query($id: ID!, $p: Purpose!, $n: Int) { child(id: $id, purpose: $p) { id chronology(first: $n) { totalCount } } }";
    List<Map<String, Object>> refused =
        List.of(
            Map.of("id", id, "p", 42, "n", 5),
            Map.of("id", id, "p", List.of("REFERRAL_TRIAGE"), "n", 5),
            Map.of("id", id, "p", "REFERRAL_TRIAGE", "n", "ten"),
            Map.of("id", id, "p", "REFERRAL_TRIAGE", "n", 1.5),
            Map.of("id", id, "p", "REFERRAL_TRIAGE", "n", 10_000_000_000L),
            Map.of("id", id, "p", "REFERRAL_TRIAGE", "n", Map.of("$gt", 0)));
    for (Map<String, Object> variables : refused) {
      Answer answer = query("front-door", document, variables);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.errors()).as(variables.toString()).isNotEmpty();
      assertThat(answer.data()).as(variables.toString()).isNull();
      revealsNoInternals(answer);
    }
    assertThat(counts()).isEqualTo(before);

    // graphql-java turns any JSON value given for an ID into its text: an object or a list is
    // then just an id that matches no child (no operator reaches the database).
    List<Map<String, Object>> opaque =
        List.of(
            Map.of("id", Map.of("$ne", ""), "p", "REFERRAL_TRIAGE", "n", 5),
            Map.of("id", List.of(id, "C2"), "p", "REFERRAL_TRIAGE", "n", 5));
    for (Map<String, Object> variables : opaque) {
      Answer answer = query("front-door", document, variables);
      revealsNoInternals(answer);
      assertThat(answer.data() == null ? null : answer.data().get("child"))
          .as(variables.toString())
          .isNull();
    }
    GraphCounts after = counts();
    assertThat(after.nodes()).isEqualTo(before.nodes());
    assertThat(after.auditEntries()).isLessThanOrEqualTo(before.auditEntries() + opaque.size());

    // "variables" that is not an object at all.
    Answer notAnObject =
        post("front-door", "{\"query\":\"{ me { name } }\",\"variables\":\"id=C1\"}");
    assertThat(notAnObject.status()).isEqualTo(400);
    revealsNoInternals(notAnObject.body());
  }

  @Test
  void malformedBodiesAreBadRequestsNotServerErrors() {
    for (String body :
        List.of("{\"query\": \"{ me { name } }\"", "{query: me}", "not json", "[]", "{}", "")) {
      Answer answer = post("front-door", body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      revealsNoInternals(answer.body());
    }
    // A query that is not text: read as the text "42", which is not a GraphQL document.
    Answer notText = post("front-door", "{\"query\": 42}");
    assertThat(notText.status()).isIn(200, 400);
    if (notText.status() == 200) {
      assertThat(notText.errors()).isNotEmpty();
      assertThat(notText.data()).isNull();
    }
    revealsNoInternals(notText.body());
  }

  @Test
  void veryLargeRequestsAreRefusedCleanly() {
    // 2 MB of query text: over the parser's limit of 1,048,576 characters.
    String huge = "{ me { " + "name ".repeat(400_000) + "} }";
    Answer answer = query("front-door", huge);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.errors()).hasSize(1);
    assertThat(answer.errors().get(0).get("message").toString())
        .startsWith("More than 1,048,576 characters have been presented");
    assertThat(answer.data()).isNull();
    revealsNoInternals(answer.body());
    // 3 MB in a variable the query does not declare: read, ignored, answered.
    Answer bigVariable = query("front-door", "{ me { name } }", Map.of("x", "y".repeat(3_000_000)));
    assertThat(bigVariable.status()).isEqualTo(200);
    assertThat(bigVariable.errors()).isEmpty();
    assertThat(((Map<?, ?>) bigVariable.data().get("me")).get("name")).isEqualTo("front-door");
  }

  @Test
  void introspectionAndGraphiqlAreOffWithoutTheLocalProfile() {
    for (String introspection :
        List.of(
            "{ __schema { types { name } } }",
            "{ __type(name: \"Child\") { fields { name } } }",
            "{ me { name } __schema { queryType { name } } }")) {
      Answer answer = query("admin", introspection);
      assertThat(answer.errors()).as(introspection).isNotEmpty();
      assertThat(answer.body()).doesNotContain("\"ServiceSummary\"", "\"givenName\"", "\"Query\"");
      revealsNoInternals(answer);
    }
    // __typename is not introspection of the schema and stays available to clients.
    Answer typename = query("admin", "{ me { __typename name } }");
    assertThat(typename.errors()).isEmpty();

    int graphiql =
        RestClient.create("http://localhost:" + port)
            .get()
            .uri("/graphiql")
            .header("Authorization", TestUsers.basic("admin"))
            .exchange((req, res) -> res.getStatusCode().value());
    assertThat(graphiql).isEqualTo(404);
  }

  @Test
  void requestsHaveATimeout() {
    assertThat(limits.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(context.getBeansOfType(TimeoutWebGraphQlInterceptor.class)).hasSize(1);
  }

  @Test
  void answersCarrySecurityHeaders() {
    Answer answer = query("front-door", "{ me { name } }");
    HttpHeaders headers = answer.headers();
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.getFirst("Cache-Control")).contains("no-store");
    assertThat(headers.getFirst("Pragma")).isEqualTo("no-cache");
    // HSTS only over HTTPS (a browser ignores it over plain HTTP); these tests speak HTTP.
    assertThat(headers.getFirst("Strict-Transport-Security")).isNull();
    // The refusal of an anonymous request carries them too.
    HttpHeaders anonymous =
        RestClient.create("http://localhost:" + port)
            .post()
            .uri("/graphql")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"query\":\"{ me { name } }\"}")
            .exchange((req, res) -> res.getHeaders());
    assertThat(anonymous.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(anonymous.getFirst("Cache-Control")).contains("no-store");
  }

  @Test
  void restErrorsCarryAMessageButNoStackTrace() {
    RestClient admin =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultHeader("Authorization", TestUsers.basic("admin"))
            .build();
    record Reply(int status, String body) {}
    List<Reply> replies = new ArrayList<>();
    for (String path :
        List.of(
            "/api/imports/no-such-job",
            "/api/imports/C1'}) MATCH (n) DETACH DELETE n",
            "/api/imports?last=0",
            "/api/imports?last=abc",
            "/api/audit.csv?from=yesterday",
            "/api/nothing-here")) {
      replies.add(
          admin
              .get()
              .uri(path)
              .exchange(
                  (req, res) ->
                      new Reply(
                          res.getStatusCode().value(),
                          new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8))));
    }
    replies.add(
        admin
            .post()
            .uri("/api/imports/not-a-format")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{}")
            .exchange(
                (req, res) ->
                    new Reply(
                        res.getStatusCode().value(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8))));
    assertThat(replies).extracting(Reply::status).allMatch(s -> s >= 400 && s < 500);
    for (Reply reply : replies) {
      revealsNoInternals(reply.body());
    }
  }
}
