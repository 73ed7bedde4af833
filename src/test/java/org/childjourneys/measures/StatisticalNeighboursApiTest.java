package org.childjourneys.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childjourneys.TestNeo4j;
import org.childjourneys.TestUsers;
import org.childjourneys.ingest.ImportFormat;
import org.childjourneys.ingest.ImportJob;
import org.childjourneys.ingest.ImportJobService;
import org.childjourneys.ingest.ImportMode;
import org.childjourneys.ingest.ImportRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * statisticalNeighbours over GraphQL on a hand-made case worked out by hand: our authority
 * (E06000999, the tests' childjourneys.authority.la-code) with 20 referrals in the year ending 31
 * March 2026, 6 of them re-referrals (30.0%), and the example files of import/examples/indicators
 * and import/examples/neighbours imported through the import pipeline. Runs on the import tests'
 * database, emptied first.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "childjourneys.demo.enabled=false",
      "childjourneys.import.directory=target/test-imports"
    })
@AutoConfigureHttpGraphQlTester
class StatisticalNeighboursApiTest {

  static final String QUERY =
      """
      query($year: Int!, $codes: [String!]) {
        statisticalNeighbours(year: $year, codes: $codes) {
          year laCode laName note
          neighbours { laCode laName rank }
          comparisons {
            code name localValue localNumerator localDenominator localPublished
            neighbourValues { laCode laName rank value suppressed }
            neighbourMedian neighboursWithValue england localRank rankedOf
          }
        }
      }
      """;

  @DynamicPropertySource
  static void importNeo4j(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> TestNeo4j.importBoltUri().toString());
    registry.add("spring.neo4j.authentication.password", () -> "");
  }

  @Autowired private HttpGraphQlTester anonymous;
  @Autowired private ImportJobService jobs;

  private HttpGraphQlTester as(String user) {
    return anonymous.mutate().header("Authorization", TestUsers.basic(user)).build();
  }

  @BeforeEach
  void handMadeCase() throws InterruptedException {
    List<Map<String, Object>> referrals = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      List<String> starts = new ArrayList<>(List.of("2025-06-01"));
      if (i <= 6) {
        starts.add("2025-01-01"); // 5 months before: a re-referral (and outside the year)
      }
      referrals.add(Map.of("id", "SN-C" + i, "starts", starts));
    }
    try (var db = GraphDatabase.driver(TestNeo4j.importBoltUri(), AuthTokens.none())) {
      db.executableQuery(
              "MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Service AND NOT n:Need"
                  + " DETACH DELETE n")
          .execute();
      db.executableQuery(
              """
              UNWIND $children AS c
              MERGE (child:Child {id: c.id})
              MERGE (r:PersonRecord {id: 'SN:' + c.id})
              MERGE (r)-[:REFERS_TO]->(child)
              WITH r, c
              UNWIND c.starts AS start
              CREATE (r)-[:HAD]->(:Involvement {id: 'SN:' + c.id + ':' + start,
                  kind: 'CIN_EPISODE', childId: c.id, start: date(start)})
              """)
          .withParameters(Map.of("children", referrals))
          .execute();
    }
    load(ImportFormat.INDICATORS, Path.of("import/examples/indicators/la-indicators.csv"));
    load(ImportFormat.NEIGHBOURS, Path.of("import/examples/neighbours/statistical-neighbours.csv"));
  }

  private void load(ImportFormat format, Path file) throws InterruptedException {
    String id = jobs.newJobId();
    jobs.submit(
        id,
        new ImportRequest(
            format, format.defaultSystem(), null, null, ImportMode.DELTA, List.of(file)),
        "test");
    ImportJob job = jobs.await(id, Duration.ofMinutes(2));
    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(job.counts().rejected()).isZero();
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void ourReReferralsBesideTheNeighboursTheirMedianAndEngland() {
    Map answer =
        as("manager")
            .document(QUERY)
            .variable("year", 2026)
            .variable("codes", List.of("RE_REFERRALS_12_MONTHS"))
            .execute()
            .path("statisticalNeighbours")
            .entity(Map.class)
            .get();
    assertThat(answer.get("year")).isEqualTo(2026);
    assertThat(answer.get("laCode")).isEqualTo("E06000999");
    assertThat(answer.get("laName")).isEqualTo("Example LA");
    assertThat(answer.get("note")).isNull();
    List<Map> neighbours = (List<Map>) answer.get("neighbours");
    assertThat(neighbours).hasSize(10);
    assertThat(neighbours.get(0))
        .isEqualTo(Map.of("laCode", "E06000901", "laName", "Example Ashby", "rank", 1));
    List<Map> comparisons = (List<Map>) answer.get("comparisons");
    assertThat(comparisons).hasSize(1);
    Map re = comparisons.get(0);
    assertThat(re.get("code")).isEqualTo("RE_REFERRALS_12_MONTHS");
    assertThat(re.get("name")).isEqualTo("Referrals within 12 months of a previous referral");
    // 6 of 20 referrals: 30.0%.
    assertThat(re.get("localNumerator")).isEqualTo(6);
    assertThat(re.get("localDenominator")).isEqualTo(20);
    assertThat(re.get("localValue")).isEqualTo(30.0);
    assertThat(re.get("localPublished")).isEqualTo(28.9);
    assertThat((List<Map>) re.get("neighbourValues"))
        .extracting(
            v -> v.get("rank"),
            v -> v.get("laCode"),
            v -> v.get("laName"),
            v -> v.get("value"),
            v -> v.get("suppressed"))
        .containsExactly(
            tuple(1, "E06000901", "Example Ashby", 20.0, false),
            tuple(2, "E06000902", "Example Brook", 25.5, false),
            tuple(3, "E06000903", "Example Carrow", null, true),
            tuple(4, "E06000904", "Example Dunmore", 18.0, false),
            tuple(5, "E06000905", "Example Elmfield", 30.0, false),
            tuple(6, "E06000906", "Example Fairholme", 22.0, false),
            tuple(7, "E06000907", "Example Greyford", null, true),
            tuple(8, "E06000908", "Example Hallam", 15.0, false),
            tuple(9, "E06000909", "Example Ivybridge", null, true),
            // Named in no file and no value imported: not suppressed, just missing.
            tuple(10, "E06000910", null, null, false));
    // 15, 18, 20, 22, 25.5, 30: the median of six is the mean of 20 and 22.
    assertThat(re.get("neighboursWithValue")).isEqualTo(6);
    assertThat(re.get("neighbourMedian")).isEqualTo(21.0);
    assertThat(re.get("england")).isEqualTo(21.5);
    // Five neighbours lower, one equal (Elmfield, 30.0): sixth of seven.
    assertThat(re.get("localRank")).isEqualTo(6);
    assertThat(re.get("rankedOf")).isEqualTo(7);
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void everyMeasureByDefaultAndAWithheldLocalValueHasNoRank() {
    List<Map> comparisons =
        as("analyst")
            .document(QUERY)
            .variable("year", 2026)
            .execute()
            .path("statisticalNeighbours.comparisons")
            .entityList(Map.class)
            .get();
    assertThat(comparisons).hasSize(13);
    Map placements =
        comparisons.stream()
            .filter(c -> c.get("code").equals("LOOKED_AFTER_3_OR_MORE_PLACEMENTS"))
            .findFirst()
            .orElseThrow();
    // No child looked after here: no local value; one neighbour and England published one.
    assertThat(placements.get("localValue")).isNull();
    assertThat(placements.get("localRank")).isNull();
    assertThat(placements.get("rankedOf")).isNull();
    assertThat(placements.get("neighboursWithValue")).isEqualTo(1);
    assertThat(placements.get("neighbourMedian")).isEqualTo(9.5);
    assertThat(placements.get("england")).isEqualTo(10.0);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void missingNeighboursOrValuesAreSaidAndBadArgumentsNamed() {
    // No values for the year ending March 2024 were imported.
    assertThat(
            as("leader")
                .document(QUERY)
                .variable("year", 2024)
                .execute()
                .path("statisticalNeighbours.note")
                .entity(String.class)
                .get())
        .isEqualTo(
            "No published values for the year ending 31 March 2024 are imported for these"
                + " measures: import the indicators (import/import.sh indicators <file>)");
    try (var db = GraphDatabase.driver(TestNeo4j.importBoltUri(), AuthTokens.none())) {
      db.executableQuery("MATCH ()-[r:STATISTICAL_NEIGHBOUR]->() DELETE r").execute();
    }
    Map answer =
        as("quality-assurance")
            .document(QUERY)
            .variable("year", 2026)
            .execute()
            .path("statisticalNeighbours")
            .entity(Map.class)
            .get();
    assertThat(answer.get("note"))
        .isEqualTo(
            "No statistical neighbours of E06000999 are imported: import the neighbour lists"
                + " (import/import.sh neighbours <file>)");
    assertThat((List) answer.get("neighbours")).isEmpty();

    as("manager")
        .document(QUERY)
        .variable("year", 2026)
        .variable("codes", List.of("RE_REFERRALS"))
        .execute()
        .errors()
        .expect(
            e ->
                e.getMessage()
                    .equals(
                        "codes: no measure RE_REFERRALS; the measures are [RE_REFERRALS_12_MONTHS,"
                            + " REPEAT_CP_PLANS, REPEAT_CP_PLANS_WITHIN_2_YEARS,"
                            + " CP_PLANS_LASTING_2_YEARS, LOOKED_AFTER_3_OR_MORE_PLACEMENTS,"
                            + " LONG_TERM_PLACEMENT_STABILITY,"
                            + " NEET_OR_NOT_KNOWN_16_17, CARE_LEAVERS_17_18_IN_TOUCH, CARE_LEAVERS_17_18_IN_EDUCATION_EMPLOYMENT_TRAINING, CARE_LEAVERS_17_18_SUITABLE_ACCOMMODATION, CARE_LEAVERS_19_21_IN_TOUCH, CARE_LEAVERS_19_21_IN_EDUCATION_EMPLOYMENT_TRAINING, CARE_LEAVERS_19_21_SUITABLE_ACCOMMODATION"
                            + "]"))
        .verify();
    as("manager")
        .document(QUERY)
        .variable("year", 1999)
        .execute()
        .errors()
        .expect(e -> e.getMessage().startsWith("year: a year ending 31 March, 2000 to"))
        .verify();
    for (String user : List.of("front-door", "frontline")) {
      as(user)
          .document(QUERY)
          .variable("year", 2026)
          .execute()
          .errors()
          .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
          .verify();
    }
  }

  @Test
  void theCypherLooksUpByKeyOnly() {
    List<String> operators = new ArrayList<>();
    try (var db = GraphDatabase.driver(TestNeo4j.importBoltUri(), AuthTokens.none())) {
      var summary =
          db.executableQuery(
                  "EXPLAIN "
                      + org.childjourneys.neo4j.CypherFile.load(
                          "queries/measures/statistical-neighbours"))
              .withParameters(
                  Map.of(
                      "la",
                      "E06000999",
                      "codes",
                      List.of("RE_REFERRALS_12_MONTHS"),
                      "year",
                      2026,
                      "england",
                      "E92000001"))
              .execute()
              .summary();
      collect(summary.plan(), operators);
    }
    String plan = String.join(" ", operators);
    assertThat(plan)
        .contains("NodeUniqueIndexSeek")
        .contains(":LocalAuthority(code)")
        .contains(":LaIndicator(key)")
        .doesNotContain("NodeByLabelScan")
        .doesNotContain("AllNodesScan");
  }

  private static void collect(org.neo4j.driver.summary.Plan plan, List<String> into) {
    into.add(plan.operatorType() + " " + plan.arguments().get("Details"));
    plan.children().forEach(child -> collect(child, into));
  }
}
