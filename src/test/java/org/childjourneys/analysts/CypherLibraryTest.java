package org.childjourneys.analysts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ResultSummary;

/**
 * Runs every analyst query in {@code cypher/queries/analysts/} against the synthetic authority with
 * the parameters of its header comment ({@code :param} lines, overridden by {@code test:} lines:
 * cypher/queries/README.md), asserts each returns rows, and that no plan scans a whole label or the
 * whole graph. Every other file under {@code cypher/queries/} must at least compile with its
 * example parameters.
 */
class CypherLibraryTest extends IntegrationTest {

  static final Path LIBRARY = Path.of("cypher", "queries");
  static final Path ANALYSTS = LIBRARY.resolve("analysts");

  /** {@code :param name => expression}, several per line separated by {@code ;}. */
  static final Pattern PARAM =
      Pattern.compile(":param\\s+(\\w+)\\s*=>\\s*(.+?)\\s*(?=;\\s*:param|;?\\s*$)");

  /** {@code test: name from <Cypher returning the value in its first column>}. */
  static final Pattern TEST = Pattern.compile("^//\\s*test:\\s*(\\w+)\\s+from\\s+(.+)$");

  private final Driver db = TestNeo4j.driver();

  @TestFactory
  Stream<DynamicTest> everyAnalystQueryReturnsRowsFromAnIndex() throws IOException {
    List<Path> files = cypherFiles(ANALYSTS);
    assertThat(files).hasSizeGreaterThanOrEqualTo(7);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    ANALYSTS.relativize(file).toString(),
                    () -> {
                      String text = Files.readString(file);
                      assertThat(header(text))
                          .as("header of %s", file)
                          .anyMatch(l -> l.contains("Parameters:"))
                          .anyMatch(l -> l.contains("Starts from:"))
                          .anyMatch(l -> l.contains("Example"));
                      Map<String, Object> params = parameters(text, true);
                      List<Record> rows =
                          db.executableQuery(text).withParameters(params).execute().records();
                      assertThat(rows).as("rows of %s with %s", file, params).isNotEmpty();
                      List<String> operators = operators(explain(text, params).plan());
                      assertThat(operators)
                          .as("plan of %s", file)
                          .noneMatch(o -> o.startsWith("NodeByLabelScan"))
                          .noneMatch(o -> o.startsWith("AllNodesScan"))
                          .anyMatch(o -> o.contains("Index"));
                    }));
  }

  @Test
  void queriesGivenAKeyStartFromItsUniqueConstraint() throws IOException {
    String journey = Files.readString(ANALYSTS.resolve("child-journey.cypher"));
    assertThat(operators(explain(journey, parameters(journey, true)).plan()))
        .anyMatch(o -> o.startsWith("NodeUniqueIndexSeek"));
  }

  @Test
  void theJourneyIsInDateOrderAndHoldsEveryKindOfFact() throws IOException {
    String journey = Files.readString(ANALYSTS.resolve("child-journey.cypher"));
    String childId =
        db.executableQuery(
                """
                MATCH (c:Child)
                WHERE EXISTS { (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(:Involvement) }
                  AND EXISTS { (c)<-[:REFERS_TO]-(:PersonRecord)-[:EXPERIENCED]->(:Event) }
                RETURN c.id ORDER BY c.id LIMIT 1""")
            .execute()
            .records()
            .get(0)
            .get(0)
            .asString();
    List<Record> rows =
        db.executableQuery(journey).withParameters(Map.of("childId", childId)).execute().records();
    long facts =
        db.executableQuery(
                """
                MATCH (:Child {id: $id})<-[:REFERS_TO]-(:PersonRecord)-[:HAD|EXPERIENCED|SUBJECT_OF]->(f)
                WHERE f.retiredAt IS NULL
                RETURN count(f)""")
            .withParameters(Map.of("id", childId))
            .execute()
            .records()
            .get(0)
            .get(0)
            .asLong();
    assertThat(rows.stream().filter(r -> !r.get("fact").asString().equals("PLACEMENT")).count())
        .isEqualTo(facts);
    assertThat(rows).extracting(r -> r.get("fact").asString()).contains("INVOLVEMENT", "EVENT");
    for (int i = 1; i < rows.size(); i++) {
      var before = rows.get(i - 1).get("date");
      var after = rows.get(i).get("date");
      if (!before.isNull() && !after.isNull()) {
        assertThat(before.asLocalDate()).isBeforeOrEqualTo(after.asLocalDate());
      }
    }
  }

  /**
   * Every child read looks up the child's consent decisions by personId: with consents in the graph
   * that must be an index seek (V017), not a scan of every Consent node per child read.
   */
  @Test
  void aChildsConsentDecisionsAreFoundByIndex() throws IOException {
    db.executableQuery(
            """
            UNWIND range(1, 2000) AS i
            CREATE (:Consent {id: 'PLAN-TEST-' + i, personId: 'PLAN-TEST-P' + i, service: 'HEALTH',
                              scope: 'INFORMATION_SHARING', given: true, at: datetime()})""")
        .execute();
    try {
      Map<String, Object> params = new java.util.HashMap<>();
      params.put("ids", List.of("C0000001"));
      params.put("id", "C0000001");
      params.put("team", null);
      params.put("authority", "");
      params.put("home", "");
      params.put("nameQuery", "(olivia~2) (smith~1)");
      params.put("birthDate", null);
      params.put("postcode", null);
      params.put("identifiers", null);
      params.put("limit", 10);
      for (String file : List.of("child/children-by-id", "child/search", "security/child-access")) {
        String text = Files.readString(Path.of("cypher", file + ".cypher"));
        List<String> operators =
            operators(
                db.executableQuery("CYPHER replan=force EXPLAIN " + text)
                    .withParameters(params)
                    .execute()
                    .summary()
                    .plan());
        assertThat(operators)
            .as("plan of %s", file)
            .noneMatch(o -> o.startsWith("NodeByLabelScan"));
      }
    } finally {
      db.executableQuery("MATCH (k:Consent) WHERE k.id STARTS WITH 'PLAN-TEST-' DELETE k")
          .execute();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyOtherLibraryQueryCompiles() throws IOException {
    return cypherFiles(LIBRARY).stream()
        .filter(f -> !f.startsWith(ANALYSTS))
        .map(
            file ->
                DynamicTest.dynamicTest(
                    LIBRARY.relativize(file).toString(),
                    () -> {
                      String text = Files.readString(file);
                      assertThat(explain(text, parameters(text, false)).plan()).isNotNull();
                    }));
  }

  static List<Path> cypherFiles(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
    }
  }

  /** The leading comment lines of a file. */
  static List<String> header(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.strip().startsWith("//")) break;
      lines.add(line.strip());
    }
    return lines;
  }

  /**
   * The parameters of a file's header: each {@code :param} expression evaluated by the database
   * ({@code RETURN <expression>}), then, when {@code withTestValues}, each {@code test:} query's
   * first value in its place.
   */
  Map<String, Object> parameters(String text, boolean withTestValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (String line : header(text)) {
      Matcher test = TEST.matcher(line);
      if (test.matches()) {
        if (withTestValues) {
          var rows = db.executableQuery(test.group(2)).execute().records();
          assertThat(rows).as("test value of %s", test.group(1)).isNotEmpty();
          params.put(test.group(1), rows.get(0).get(0).asObject());
        }
        continue;
      }
      Matcher param = PARAM.matcher(line);
      while (param.find()) {
        if (!withTestValues || !params.containsKey(param.group(1))) {
          params.put(param.group(1), evaluate(param.group(2)));
        }
      }
    }
    return params;
  }

  Object evaluate(String expression) {
    return db.executableQuery("RETURN " + expression).execute().records().get(0).get(0).asObject();
  }

  ResultSummary explain(String text, Map<String, Object> params) {
    return db.executableQuery("EXPLAIN " + text).withParameters(params).execute().summary();
  }

  static List<String> operators(Plan plan) {
    List<String> all = new ArrayList<>();
    all.add(plan.operatorType());
    plan.children().forEach(c -> all.addAll(operators(c)));
    return all;
  }
}
