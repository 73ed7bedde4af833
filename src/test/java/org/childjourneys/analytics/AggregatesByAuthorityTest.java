package org.childjourneys.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.TestNeo4j;
import org.childjourneys.TestUsers;
import org.childjourneys.neo4j.JourneySummaries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Aggregates in a graph holding two authorities' data (docs/security.md, "Aggregates count the
 * reader's own authority"; docs/measures.md#aggregates-of-several-authorities): measures, overlap,
 * pathways, cohort costs, front-door feedback and a board report asked by an analyst of A (the
 * tests' own authority, E06000999), one of B (E06000998) and a regional leader, each with the
 * numbers worked out by hand below. A missing filter would give every reader the regional numbers.
 * Runs on the import tests' database, emptied first.
 *
 * <p>Systems: HA_SOCIAL_CARE (owner A recorded), HA_EDUCATION (a DataSource with no owner: A's, as
 * the deployment's own), HB_SOCIAL_CARE (owner B). The children (facts: kind, system, start-end):
 *
 * <ul>
 *   <li>G1 (7, A only): CIN HA 2024-10-01 to 2025-09-30; EHC plan HA_EDUCATION from 2020-09-01.
 *   <li>G2 (6, moved from A to B): A: CIN HA 2024-11-01 to 2025-04-30, CP plan HA 2024-12-01 to
 *       2025-04-30; B: CIN HB from 2025-06-01, CP plan HB from 2025-07-01.
 *   <li>G3 (8, B only): CIN HB 2024-09-01 to 2025-03-31, CIN HB 2025-08-01 to 2025-12-31.
 *   <li>G4 (6, B only): early help plan HB from 2025-05-01.
 *   <li>G5 (7, A only): CIN HA from 2024-12-01, CP plan HA from 2025-06-01.
 *   <li>G6 (4, A only): CIN HA 2024-06-01 to 2024-12-31, CIN HA 2025-05-01 to 2025-10-31.
 * </ul>
 *
 * The year is 1 April 2025 to 31 March 2026.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "childjourneys.demo.enabled=false",
      "childjourneys.import.directory=target/test-imports"
    })
@AutoConfigureHttpGraphQlTester
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregatesByAuthorityTest {

  static final String A = "E06000999";
  static final String B = "E06000998";

  private static final String GRAPH =
      """
      CREATE (:DataSource {system: 'HA_SOCIAL_CARE', name: 'A social care', services: [],
                           authority: $a})
      CREATE (:DataSource {system: 'HA_EDUCATION', name: 'A education', services: []})
      CREATE (:DataSource {system: 'HB_SOCIAL_CARE', name: 'B social care', services: [],
                           authority: $b})
      WITH 1 AS one
      UNWIND $children AS c
      CREATE (child:Child {id: c.id, birthDate: date('2012-01-01')})
      WITH child, c
      UNWIND c.facts AS f
      MERGE (r:PersonRecord {id: f[1] + ':' + c.id})
        ON CREATE SET r.system = f[1], r.localId = c.id
      MERGE (r)-[:REFERS_TO]->(child)
      CREATE (r)-[:HAD]->(:Involvement {id: f[1] + ':' + c.id + ':' + f[0] + ':' + f[3],
              kind: f[0], service: f[2], sourceSystem: f[1], childId: c.id, start: date(f[3]),
              end: CASE WHEN f[4] = '' THEN null ELSE date(f[4]) END})
      """;

  private static final String MEASURES = "{ measures(year: 2026) { code numerator denominator } }";

  private static final String OVERLAP =
      """
      { serviceOverlap(from: "2025-04-01", to: "2026-03-31",
                       services: ["SOCIAL_CARE", "EARLY_HELP", "EDUCATION"]) {
          children services { service children } combinations { services children } } }
      """;

  private static final String PATHWAYS =
      """
      { pathways(outcome: "CP_PLAN", from: "2025-04-01", to: "2026-03-31", minSupport: 6,
                 first: 5) {
          children withOutcome pathways { steps support withOutcome } } }
      """;

  @DynamicPropertySource
  static void importNeo4j(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> TestNeo4j.importBoltUri().toString());
    registry.add("spring.neo4j.authentication.password", () -> "");
  }

  @Autowired private HttpGraphQlTester anonymousGraphQl;

  @LocalServerPort int port;

  private static void group(List<Map<String, Object>> into, String prefix, int n, String[]... f) {
    for (int i = 1; i <= n; i++) {
      List<List<String>> facts = new ArrayList<>();
      for (String[] fact : f) {
        facts.add(List.of(fact));
      }
      into.add(Map.of("id", prefix + "-" + i, "facts", facts));
    }
  }

  private static String[] f(String kind, String system, String start, String end) {
    String service =
        switch (kind) {
          case "EHC_PLAN" -> "EDUCATION";
          case "EARLY_HELP_PLAN" -> "EARLY_HELP";
          default -> "SOCIAL_CARE";
        };
    return new String[] {kind, system, service, start, end};
  }

  @BeforeAll
  void twoAuthorities() {
    List<Map<String, Object>> c = new ArrayList<>();
    group(
        c,
        "G1",
        7,
        f("CIN_EPISODE", "HA_SOCIAL_CARE", "2024-10-01", "2025-09-30"),
        f("EHC_PLAN", "HA_EDUCATION", "2020-09-01", ""));
    group(
        c,
        "G2",
        6,
        f("CIN_EPISODE", "HA_SOCIAL_CARE", "2024-11-01", "2025-04-30"),
        f("CP_PLAN", "HA_SOCIAL_CARE", "2024-12-01", "2025-04-30"),
        f("CIN_EPISODE", "HB_SOCIAL_CARE", "2025-06-01", ""),
        f("CP_PLAN", "HB_SOCIAL_CARE", "2025-07-01", ""));
    group(
        c,
        "G3",
        8,
        f("CIN_EPISODE", "HB_SOCIAL_CARE", "2024-09-01", "2025-03-31"),
        f("CIN_EPISODE", "HB_SOCIAL_CARE", "2025-08-01", "2025-12-31"));
    group(c, "G4", 6, f("EARLY_HELP_PLAN", "HB_SOCIAL_CARE", "2025-05-01", ""));
    group(
        c,
        "G5",
        7,
        f("CIN_EPISODE", "HA_SOCIAL_CARE", "2024-12-01", ""),
        f("CP_PLAN", "HA_SOCIAL_CARE", "2025-06-01", ""));
    group(
        c,
        "G6",
        4,
        f("CIN_EPISODE", "HA_SOCIAL_CARE", "2024-06-01", "2024-12-31"),
        f("CIN_EPISODE", "HA_SOCIAL_CARE", "2025-05-01", "2025-10-31"));
    try (Driver db = GraphDatabase.driver(TestNeo4j.importBoltUri(), AuthTokens.none())) {
      db.executableQuery(
              "MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Service AND NOT n:Need DETACH DELETE n")
          .execute();
      db.executableQuery(GRAPH).withParameters(Map.of("children", c, "a", A, "b", B)).execute();
      db.executableQuery(CONTACTS).withParameters(Map.of("contacts", contacts())).execute();
      JourneySummaries.rebuildAll(db, "neo4j");
    }
  }

  @AfterAll
  void emptied() {
    try (Driver db = GraphDatabase.driver(TestNeo4j.importBoltUri(), AuthTokens.none())) {
      db.executableQuery("MATCH (n:DataSource) WHERE n.system STARTS WITH 'H' DETACH DELETE n")
          .execute();
    }
  }

  private HttpGraphQlTester as(String user) {
    return anonymousGraphQl.mutate().header("Authorization", TestUsers.basic(user)).build();
  }

  /** code -> "numerator/denominator" ("null" when withheld). */
  private Map<String, String> measures(String user) {
    Map<String, String> byCode = new LinkedHashMap<>();
    as(user)
        .document(MEASURES)
        .execute()
        .path("measures")
        .entityList(Map.class)
        .get()
        .forEach(
            m ->
                byCode.put(
                    (String) m.get("code"), m.get("numerator") + "/" + m.get("denominator")));
    return byCode;
  }

  @Test
  void measuresCountOnlyTheReadersAuthoritysFacts() {
    // A: referrals in the year are G6's second ones (4, all within 12 months of G6's first): both
    // counts 1-5, withheld. A's plans in the year are G5's first plans (7).
    assertThat(measures("analyst"))
        .containsEntry("RE_REFERRALS_12_MONTHS", "null/null")
        .containsEntry("REPEAT_CP_PLANS", "0/7");
    // B: G2's first B referral (A's earlier one is not B's) and G3's second (within 12 months of
    // its first): 8 of 14; G2's plan is B's first (A's earlier plan is not B's): 0 of 6.
    assertThat(measures("analyst-b"))
        .containsEntry("RE_REFERRALS_12_MONTHS", "8/14")
        .containsEntry("REPEAT_CP_PLANS", "0/6")
        .containsEntry("REPEAT_CP_PLANS_WITHIN_2_YEARS", "0/6");
    // The region: every referral of the year follows one within 12 months (G2's A referral counts
    // for its B one); G2's plan is a second plan, within 2 years of A's.
    assertThat(measures("leader-region"))
        .containsEntry("RE_REFERRALS_12_MONTHS", "18/18")
        .containsEntry("REPEAT_CP_PLANS", "6/13")
        .containsEntry("REPEAT_CP_PLANS_WITHIN_2_YEARS", "6/13");
  }

  @SuppressWarnings("unchecked")
  private static String overlapOf(HttpGraphQlTester.Response r) {
    StringBuilder s =
        new StringBuilder(
            "children=" + r.path("serviceOverlap.children").entity(Integer.class).get());
    r.path("serviceOverlap.services")
        .entityList(Map.class)
        .get()
        .forEach(x -> s.append(' ').append(x.get("service")).append('=').append(x.get("children")));
    s.append(" |");
    r.path("serviceOverlap.combinations")
        .entityList(Map.class)
        .get()
        .forEach(
            x ->
                s.append(' ')
                    .append(String.join("+", (List<String>) x.get("services")))
                    .append('=')
                    .append(x.get("children")));
    return s.toString();
  }

  @Test
  void overlapCountsEachAuthoritysOwnInvolvements() {
    // A: G1 (social care and A's education system, which has no owner recorded), G2 (A's referral,
    // active until 30 April), G5 and G6.
    assertThat(overlapOf(as("analyst").document(OVERLAP).execute()))
        .isEqualTo(
            "children=24 SOCIAL_CARE=24 EARLY_HELP=0 EDUCATION=7 |"
                + " SOCIAL_CARE=17 SOCIAL_CARE+EDUCATION=7");
    // B: G2 and G3 in social care, G4 in early help; none of A's children.
    assertThat(overlapOf(as("analyst-b").document(OVERLAP).execute()))
        .isEqualTo(
            "children=20 SOCIAL_CARE=14 EARLY_HELP=6 EDUCATION=0 |"
                + " SOCIAL_CARE=14 EARLY_HELP=6");
    assertThat(overlapOf(as("leader-region").document(OVERLAP).execute()))
        .isEqualTo(
            "children=38 SOCIAL_CARE=32 EARLY_HELP=6 EDUCATION=7 |"
                + " SOCIAL_CARE=25 SOCIAL_CARE+EDUCATION=7 EARLY_HELP=6");
  }

  private static String pathwaysOf(HttpGraphQlTester.Response r) {
    StringBuilder s =
        new StringBuilder(
            r.path("pathways.children").entity(Integer.class).get()
                + "/"
                + r.path("pathways.withOutcome").entity(Integer.class).get());
    r.path("pathways.pathways")
        .entityList(Map.class)
        .get()
        .forEach(
            p ->
                s.append(' ')
                    .append(p.get("steps"))
                    .append('=')
                    .append(p.get("withOutcome"))
                    .append('/')
                    .append(p.get("support")));
    return s.toString();
  }

  @Test
  void pathwaysFollowEachAuthoritysOwnSteps() {
    // A: G2's first plan (A's, December 2024) was before the period: not at risk, left out. G5's
    // plans are the outcomes; G1, G5 and G6 all have a referral in their window.
    assertThat(pathwaysOf(as("analyst").document(PATHWAYS).execute()))
        .isEqualTo("18/7 [CIN_EPISODE]=7/18");
    // B: G2's first B plan is in the period, after B's referral: the outcome. G3 and G4 have none.
    assertThat(pathwaysOf(as("analyst-b").document(PATHWAYS).execute()))
        .isEqualTo("20/6 [CIN_EPISODE]=6/14 [EARLY_HELP_PLAN]=0/6");
    // The region: G2's first plan is A's, before the period: G2 is left out altogether.
    assertThat(pathwaysOf(as("leader-region").document(PATHWAYS).execute()))
        .isEqualTo("32/7 [CIN_EPISODE]=7/26 [EARLY_HELP_PLAN]=0/6");
  }

  private String csv(String user, String path) {
    return RestClient.create("http://localhost:" + port)
        .get()
        .uri(path)
        .header("Authorization", TestUsers.basic(user))
        .exchange(
            (req, res) -> {
              assertThat(res.getStatusCode().value()).as("%s %s", user, path).isEqualTo(200);
              return new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
            });
  }

  @Test
  void boardReportsAreTheReadersAuthoritysFigures() {
    String services =
        "/reports/overlap.csv?from=2025-04-01&to=2026-03-31"
            + "&services=SOCIAL_CARE,EARLY_HELP,EDUCATION&table=services";
    assertThat(csv("analyst", services).lines().skip(1))
        .containsExactly("SOCIAL_CARE,24", "EARLY_HELP,0", "EDUCATION,7");
    assertThat(csv("analyst-b", services).lines().skip(1))
        .containsExactly("SOCIAL_CARE,14", "EARLY_HELP,6", "EDUCATION,0");
    String summary =
        "/reports/pathways.csv?outcome=CP_PLAN&from=2025-04-01&to=2026-03-31&minSupport=6"
            + "&table=summary";
    assertThat(csv("analyst-b", summary).lines().skip(1).limit(2))
        .containsExactly("Children in the population,20", "Children with the outcome,6");
    assertThat(csv("analyst", summary).lines().skip(1).limit(2))
        .containsExactly("Children in the population,18", "Children with the outcome,7");
  }

  private static final String COHORT_COST =
      """
      { cohortCost(filter: {kinds: ["CP_PLAN"]}, from: "2025-04-01", to: "2026-03-31") {
          children total groups { category code children cost } } }
      """;

  @SuppressWarnings({"rawtypes", "unchecked"})
  private Map<String, Object> cost(String user) {
    Map c = as(user).document(COHORT_COST).execute().path("cohortCost").entity(Map.class).get();
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("children", c.get("children"));
    shown.put("total", ((Number) c.get("total")).doubleValue());
    for (Map g : (List<Map>) c.get("groups")) {
      shown.put(g.get("code") + " children", g.get("children"));
    }
    return shown;
  }

  @Test
  void cohortCostsAreOfTheReadersAuthoritysChildrenAndItems() {
    // A: G2 (A's plan was open until 30 April) and G5; only A's involvements are costed.
    Map<String, Object> a = cost("analyst");
    assertThat(a)
        .containsEntry("children", 13)
        .containsEntry("CP_PLAN children", 13)
        .containsEntry("CIN_EPISODE children", 13);
    // B: G2 only, with B's referral and plan.
    Map<String, Object> b = cost("analyst-b");
    assertThat(b)
        .containsEntry("children", 6)
        .containsEntry("CP_PLAN children", 6)
        .containsEntry("CIN_EPISODE children", 6);
    // The region costs every item once: A's items and B's, no more (a missing filter would give A
    // the region's total).
    Map<String, Object> region = cost("leader-region");
    assertThat(region).containsEntry("children", 13);
    double total = (Double) region.get("total");
    assertThat((Double) b.get("total")).isPositive();
    assertThat((Double) a.get("total") + (Double) b.get("total"))
        .isCloseTo(total, org.assertj.core.api.Assertions.within(0.02));
  }

  private static final String CONTACTS =
      """
      UNWIND $contacts AS k
      MATCH (r:PersonRecord {id: k.system + ':' + k.child})
      CREATE (r)-[:SUBJECT_OF]->(:Contact {id: k.system + ':K:' + k.child + ':' + k.day,
              childId: k.child, sourceSystem: k.system, decision: k.decision,
              date: date(k.day), receivedAt: datetime(k.day + 'T09:00:00Z'), service: 'SOCIAL_CARE'})
      """;

  /**
   * Contacts: G1 (A) 10 May 2025, no further action; G2 (A) 1 February 2025, early help, and (B) 20
   * May 2025, referral; G3 (B) 25 July 2025, referral.
   */
  private static List<Map<String, Object>> contacts() {
    List<Map<String, Object>> k = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      k.add(
          Map.of(
              "child",
              "G1-" + i,
              "system",
              "HA_SOCIAL_CARE",
              "day",
              "2025-05-10",
              "decision",
              "NO_FURTHER_ACTION"));
    }
    for (int i = 1; i <= 6; i++) {
      k.add(
          Map.of(
              "child",
              "G2-" + i,
              "system",
              "HA_SOCIAL_CARE",
              "day",
              "2025-02-01",
              "decision",
              "EARLY_HELP"));
      k.add(
          Map.of(
              "child",
              "G2-" + i,
              "system",
              "HB_SOCIAL_CARE",
              "day",
              "2025-05-20",
              "decision",
              "REFERRAL"));
    }
    for (int i = 1; i <= 8; i++) {
      k.add(
          Map.of(
              "child",
              "G3-" + i,
              "system",
              "HB_SOCIAL_CARE",
              "day",
              "2025-07-25",
              "decision",
              "REFERRAL"));
    }
    return k;
  }

  private static final String FEEDBACK =
      """
      { frontDoorFeedback(from: "2025-04-01", to: "2025-12-31") { rows { decision contacts } } }
      """;

  @SuppressWarnings({"rawtypes", "unchecked"})
  private String feedback(String user) {
    StringBuilder s = new StringBuilder();
    for (Map r :
        as(user)
            .document(FEEDBACK)
            .execute()
            .path("frontDoorFeedback.rows")
            .entityList(Map.class)
            .get()) {
      s.append(r.get("decision")).append('=').append(r.get("contacts")).append(' ');
    }
    return s.toString().strip();
  }

  @Test
  void frontDoorFeedbackCountsEachAuthoritysOwnContacts() {
    // G2's early help contact (A's) was before the period; its referral contact is B's.
    assertThat(feedback("analyst")).isEqualTo("NO_FURTHER_ACTION=7");
    assertThat(feedback("analyst-b")).isEqualTo("REFERRAL=14");
    assertThat(feedback("leader-region")).isEqualTo("NO_FURTHER_ACTION=7 REFERRAL=14");
  }
}
