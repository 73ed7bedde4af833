package org.childjourneys.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.TestNeo4j;
import org.childjourneys.TestUsers;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.neo4j.JourneySummaries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Flows, trends and hotspots through the API on a hand-built graph whose answers were worked out by
 * hand, with their suppression patterns. Runs on the import tests' database, emptied first.
 *
 * <p>The children (all born 1 March 2015, so 10 on 30 June 2025, except A1, born 2007):
 *
 * <ul>
 *   <li>A1-A10: an early help plan from 1 December 2024, open; an early help event on 10 February
 *       2025 (A1-A6 with factor 3A).
 *   <li>B1-B8: an early help plan 10 January to 20 March 2025, then a referral (CIN episode,
 *       primary need N1) from 15 April 2025 with an assessment (factor 3A) to 20 May. Live in LSOA
 *       L1 (B1 aged 18).
 *   <li>C1-C7: a referral from 1 June 2024 (primary need N2), open; an early help assessment in
 *       February 2025. C1-C6 live in L2, C7 has no address.
 *   <li>D1-D3: a referral 5 January to 1 February 2025 with an assessment (3A, 4A); lived in L1,
 *       then from 1 June 2025 in L4.
 *   <li>E1-E6: an early help plan from 1 May 2025. F1-F2: a retired referral. G1: GP registration.
 * </ul>
 *
 * Areas: the LA (its own estimate, 150 a year of age), wards W1 (L1, L2) and W2 (L3, L4); mid-2025
 * estimates of 50, 40 and 30 a year of age 0-17 in L1, L2, L3; L4 in bands 0-4, 5-9, 10-14, 15-19
 * (100 each), so it has no estimate for 0-17 but has one for 0-14. IMD deciles L1 2, L2 1, L3 7, L4
 * 9.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "childjourneys.demo.enabled=false",
      "childjourneys.import.directory=target/test-imports"
    })
@AutoConfigureHttpGraphQlTester
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaselineOnHandBuiltDataTest {

  private static final String GRAPH =
      """
      UNWIND $children AS c
      CREATE (child:Child {id: c.id, birthDate: date(c.born)})
      CREATE (r:PersonRecord {id: 'T:' + c.id, system: 'T', localId: c.id, personType: 'CHILD'})
      CREATE (r)-[:REFERS_TO {score: 1.0, method: 'NEW_PERSON', status: 'CONFIRMED'}]->(child)
      WITH r, c, child
      CALL (r, c) {
        UNWIND c.involvements AS f
        CREATE (r)-[:HAD]->(:Involvement {id: r.id + ':' + f.kind + ':' + f.start, kind: f.kind,
          service: f.service, childId: c.id, start: date(f.start),
          end: CASE WHEN f.end IS NULL THEN null ELSE date(f.end) END, needCodes: f.needCodes,
          primaryNeed: f.primaryNeed, retiredAt: CASE WHEN f.retired THEN datetime() END})
      }
      CALL (r, c) {
        UNWIND c.events AS e
        CREATE (r)-[:EXPERIENCED]->(:Event {id: r.id + ':' + e.kind + ':' + e.date, kind: e.kind,
          service: e.service, date: date(e.date), childId: c.id, needCodes: e.needCodes})
      }
      CALL (child, c) {
        UNWIND c.addresses AS a
        MATCH (lsoa:Area {code: a.lsoa})
        MERGE (h:Household {id: 'HH-' + c.id})
        MERGE (child)-[:MEMBER_OF {from: date('2015-03-01')}]->(h)
        CREATE (h)-[:LIVES_AT {from: date(a.from),
                               to: CASE WHEN a.to IS NULL THEN null ELSE date(a.to) END}]->(ad:Address {id: 'AD-' + c.id + a.from})
        CREATE (ad)-[:IN]->(lsoa)
      }
      """;

  private static final String AREAS =
      """
      CREATE (la:Area {code: 'E06T00001', kind: 'LOCAL_AUTHORITY', name: 'Test LA'})
      CREATE (w1:Area {code: 'E05T00001', kind: 'WARD', name: 'Ward one'})-[:IN]->(la)
      CREATE (w2:Area {code: 'E05T00002', kind: 'WARD', name: 'Ward two'})-[:IN]->(la)
      CREATE (:Area {code: 'E01T00001', kind: 'LSOA', name: 'L1', imdDecile: 2})-[:IN]->(w1)
      CREATE (:Area {code: 'E01T00002', kind: 'LSOA', name: 'L2', imdDecile: 1})-[:IN]->(w1)
      CREATE (:Area {code: 'E01T00003', kind: 'LSOA', name: 'L3', imdDecile: 7})-[:IN]->(w2)
      CREATE (:Area {code: 'E01T00004', kind: 'LSOA', name: 'L4', imdDecile: 9})-[:IN]->(w2)
      WITH *
      UNWIND [['E06T00001', 150], ['E01T00001', 50], ['E01T00002', 40], ['E01T00003', 30]] AS each
      UNWIND range(0, 17) AS age
      CREATE (:PopulationEstimate {key: each[0] + '|2025|' + age + '-' + age, areaCode: each[0],
                                   year: 2025, ageFrom: age, ageTo: age, count: each[1]})
      WITH DISTINCT 1 AS one
      UNWIND [[0, 4], [5, 9], [10, 14], [15, 19]] AS band
      CREATE (:PopulationEstimate {key: 'E01T00004|2025|' + band[0] + '-' + band[1],
                                   areaCode: 'E01T00004', year: 2025, ageFrom: band[0],
                                   ageTo: band[1], count: 100})
      """;

  @DynamicPropertySource
  static void importNeo4j(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> TestNeo4j.importBoltUri().toString());
    registry.add("spring.neo4j.authentication.password", () -> "");
  }

  @Autowired private HttpGraphQlTester anonymousGraphQl;

  private Driver db;

  @BeforeAll
  void handBuiltGraph() {
    db = GraphDatabase.driver(TestNeo4j.importBoltUri(), AuthTokens.none());
    db.executableQuery(
            "MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Service AND NOT n:Need DETACH DELETE n")
        .execute();
    db.executableQuery(AREAS).execute();
    List<Map<String, Object>> children = new ArrayList<>();
    for (int n = 1; n <= 10; n++) {
      Map<String, Object> c = child("A" + n);
      inv(c, "EARLY_HELP_PLAN", "EARLY_HELP", "2024-12-01", null);
      event(c, n <= 6 ? List.of("3A") : List.of());
      children.add(c);
    }
    for (int n = 1; n <= 8; n++) {
      Map<String, Object> c = child("B" + n);
      if (n == 1) {
        c.put("born", "2007-01-01");
      }
      inv(c, "EARLY_HELP_PLAN", "EARLY_HELP", "2025-01-10", "2025-03-20");
      inv(c, "CIN_EPISODE", "SOCIAL_CARE", "2025-04-15", null).put("primaryNeed", "N1");
      inv(c, "ASSESSMENT", "SOCIAL_CARE", "2025-04-15", "2025-05-20")
          .put("needCodes", List.of("3A"));
      address(c, "E01T00001", "2015-03-01", null);
      children.add(c);
    }
    for (int n = 1; n <= 7; n++) {
      Map<String, Object> c = child("C" + n);
      inv(c, "CIN_EPISODE", "SOCIAL_CARE", "2024-06-01", null).put("primaryNeed", "N2");
      inv(c, "EARLY_HELP_ASSESSMENT", "EARLY_HELP", "2025-02-01", "2025-02-28");
      if (n <= 6) {
        address(c, "E01T00002", "2015-03-01", null);
      }
      children.add(c);
    }
    for (int n = 1; n <= 3; n++) {
      Map<String, Object> c = child("D" + n);
      inv(c, "CIN_EPISODE", "SOCIAL_CARE", "2025-01-05", "2025-02-01");
      inv(c, "ASSESSMENT", "SOCIAL_CARE", "2025-01-05", "2025-01-20")
          .put("needCodes", List.of("3A", "4A"));
      address(c, "E01T00001", "2015-03-01", "2025-06-01");
      address(c, "E01T00004", "2025-06-01", null);
      children.add(c);
    }
    for (int n = 1; n <= 6; n++) {
      Map<String, Object> c = child("E" + n);
      inv(c, "EARLY_HELP_PLAN", "EARLY_HELP", "2025-05-01", null);
      children.add(c);
    }
    for (int n = 1; n <= 2; n++) {
      Map<String, Object> c = child("F" + n);
      inv(c, "CIN_EPISODE", "SOCIAL_CARE", "2025-03-01", null).put("retired", true);
      address(c, "E01T00003", "2015-03-01", null);
      children.add(c);
    }
    Map<String, Object> g = child("G1");
    inv(g, "GP_REGISTRATION", "HEALTH", "2015-03-10", null);
    address(g, "E01T00003", "2015-03-01", null);
    children.add(g);
    db.executableQuery(GRAPH).withParameters(Map.of("children", children)).execute();
    JourneySummaries.rebuildAll(db, "neo4j");
  }

  private static Map<String, Object> child(String id) {
    Map<String, Object> c = new HashMap<>();
    c.put("id", id);
    c.put("born", "2015-03-01");
    c.put("involvements", new ArrayList<Map<String, Object>>());
    c.put("events", new ArrayList<Map<String, Object>>());
    c.put("addresses", new ArrayList<Map<String, Object>>());
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> inv(
      Map<String, Object> c, String kind, String service, String start, String end) {
    Map<String, Object> f = new HashMap<>();
    f.put("kind", kind);
    f.put("service", service);
    f.put("start", start);
    f.put("end", end);
    f.put("retired", false);
    ((List<Map<String, Object>>) c.get("involvements")).add(f);
    return f;
  }

  @SuppressWarnings("unchecked")
  private static void event(Map<String, Object> c, List<String> needCodes) {
    ((List<Map<String, Object>>) c.get("events"))
        .add(
            Map.of(
                "kind",
                "ACHIEVEMENT",
                "service",
                "EARLY_HELP",
                "date",
                "2025-02-10",
                "needCodes",
                needCodes));
  }

  @SuppressWarnings("unchecked")
  private static void address(Map<String, Object> c, String lsoa, String from, String to) {
    Map<String, Object> a = new HashMap<>();
    a.put("lsoa", lsoa);
    a.put("from", from);
    a.put("to", to);
    ((List<Map<String, Object>>) c.get("addresses")).add(a);
  }

  private HttpGraphQlTester as(String user) {
    return anonymousGraphQl.mutate().header("Authorization", TestUsers.basic(user)).build();
  }

  private static final String FLOWS =
      """
      query($by: FlowDimension) {
        serviceFlows(from: "2025-01-01", to: "2025-06-30", every: QUARTER, by: $by,
                     services: ["SOCIAL_CARE", "EARLY_HELP"]) {
          from to every by services children
          periods { index start end }
          nodes { id period state children }
          links { source target period fromState toState children } } }
      """;

  private static String nodes(HttpGraphQlTester.Response r) {
    StringBuilder s = new StringBuilder();
    r.path("serviceFlows.nodes")
        .entityList(Map.class)
        .get()
        .forEach(n -> s.append(n.get("id")).append('=').append(n.get("children")).append(' '));
    return s.toString().strip();
  }

  private static String links(HttpGraphQlTester.Response r) {
    StringBuilder s = new StringBuilder();
    r.path("serviceFlows.links")
        .entityList(Map.class)
        .get()
        .forEach(
            l ->
                s.append(l.get("source"))
                    .append('>')
                    .append(l.get("target"))
                    .append('=')
                    .append(l.get("children"))
                    .append(' '));
    return s.toString().strip();
  }

  @Test
  void flowsBetweenServicesWithLinksNodesAndSecondarySuppression() {
    var r = as("analyst").document(FLOWS).variable("by", "SERVICE").execute();
    r.path("serviceFlows.periods[0].start").entity(String.class).isEqualTo("2025-01-01");
    r.path("serviceFlows.periods[1].end").entity(String.class).isEqualTo("2025-06-30");
    // 34 children had social care or early help in one of the quarters (not F, retired, nor G).
    r.path("serviceFlows.children").entity(Integer.class).isEqualTo(34);
    // Real counts: Q1 SC 10 (C, D), EH 18 (A, B), none 6 (E); Q2 SC 15 (B, C), EH 16 (A, E),
    // none 3 (D). Links: SC>SC 7, SC>none 3, EH>SC 8, EH>EH 10, none>EH 6. SC>none (3) and Q2's
    // none (3) are small; then SC>SC goes with SC>none (0:SC's links) and Q2's SC with Q2's none
    // (Q2's nodes add up to 34). Every node or link total still shown has no single withheld part.
    assertThat(nodes(r))
        .isEqualTo(
            "0:SOCIAL_CARE=10 0:EARLY_HELP=18 0:NONE=6 1:SOCIAL_CARE=null 1:EARLY_HELP=16"
                + " 1:NONE=null");
    assertThat(links(r))
        .isEqualTo(
            "0:SOCIAL_CARE>1:SOCIAL_CARE=null 0:SOCIAL_CARE>1:NONE=null"
                + " 0:EARLY_HELP>1:SOCIAL_CARE=8 0:EARLY_HELP>1:EARLY_HELP=10"
                + " 0:NONE>1:EARLY_HELP=6");

    // By kind: a child's state is their most intensive kind (an assessment above its referral,
    // a referral above early help). Real: Q1 ASSESSMENT 3 (D), CIN_EPISODE 7 (C), EARLY_HELP_PLAN
    // 18, NONE 6; Q2 ASSESSMENT 8 (B), CIN_EPISODE 7, EARLY_HELP_PLAN 16, NONE 3. The 3s are
    // small; each period's nodes add up to 34, so Q1's NONE (6) and Q2's CIN_EPISODE (7) go too,
    // and from them the one-link nodes and their links, until no node or total can be worked out.
    var byKind = as("manager").document(FLOWS).variable("by", "KIND").execute();
    byKind.path("serviceFlows.children").entity(Integer.class).isEqualTo(34);
    assertThat(nodes(byKind))
        .isEqualTo(
            "0:ASSESSMENT=null 0:CIN_EPISODE=null 0:EARLY_HELP_PLAN=18 0:NONE=null"
                + " 1:ASSESSMENT=null 1:CIN_EPISODE=null 1:EARLY_HELP_PLAN=16 1:NONE=null");
    assertThat(links(byKind))
        .isEqualTo(
            "0:ASSESSMENT>1:NONE=null 0:CIN_EPISODE>1:CIN_EPISODE=null"
                + " 0:EARLY_HELP_PLAN>1:ASSESSMENT=null 0:EARLY_HELP_PLAN>1:EARLY_HELP_PLAN=null"
                + " 0:NONE>1:EARLY_HELP_PLAN=null");
  }

  private static final String TRENDS =
      """
      {
        serviceTrends(from: "2025-01-01", to: "2025-06-30", every: QUARTER,
                      services: ["SOCIAL_CARE", "EARLY_HELP"], needCodes: ["3A", "N2"]) {
          from to every note
          periods { start end populationYear population
                    rows { service needCode started open withEvent startedPer10000 openPer10000 } } } }
      """;

  @Test
  void trendCountsAndRatesPerQuarterServiceAndNeedCode() {
    var r = as("leader").document(TRENDS).execute();
    r.path("serviceTrends.note").valueIsNull();
    r.path("serviceTrends.periods[0].population").entity(Integer.class).isEqualTo(2700);
    r.path("serviceTrends.periods[0].populationYear").entity(Integer.class).isEqualTo(2025);
    List<String> rows = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      for (Map<?, ?> row :
          r.path("serviceTrends.periods[" + p + "].rows").entityList(Map.class).get()) {
        rows.add(
            p
                + " "
                + row.get("service")
                + " "
                + row.get("needCode")
                + " started="
                + row.get("started")
                + " open="
                + row.get("open")
                + " events="
                + row.get("withEvent")
                + " "
                + row.get("startedPer10000")
                + "/"
                + row.get("openPer10000"));
      }
    }
    // Per 10,000 of the LA's 2,700 children aged 0-17 (mid-2025).
    assertThat(rows)
        .containsExactly(
            // Q1: referrals open C 7 + D 3 (F retired), started D 3 (withheld).
            "0 SOCIAL_CARE null started=null open=10 events=0 null/37.0",
            // D's assessment had 3A: 3 (withheld).
            "0 SOCIAL_CARE 3A started=null open=null events=0 null/null",
            // C's referrals had N2: 7 open, but 10 - 7 = 3 without it: withheld. None started (0 is
            // shown: the service's 3 is withheld, so it gives nothing away).
            "0 SOCIAL_CARE N2 started=0 open=null events=0 0.0/null",
            // A 10 + B 8 + C 7 open; B 8 + C 7 started; A's events 10.
            "0 EARLY_HELP null started=15 open=25 events=10 55.6/92.6",
            // A1-A6's events had 3A: 6, but 4 without it: withheld.
            "0 EARLY_HELP 3A started=0 open=0 events=null 0.0/0.0",
            "0 EARLY_HELP N2 started=0 open=0 events=0 0.0/0.0",
            // Q2: B 8 + C 7 open, B 8 started.
            "1 SOCIAL_CARE null started=8 open=15 events=0 29.6/55.6",
            "1 SOCIAL_CARE 3A started=8 open=8 events=0 29.6/29.6",
            "1 SOCIAL_CARE N2 started=0 open=7 events=0 0.0/25.9",
            "1 EARLY_HELP null started=6 open=16 events=0 22.2/59.3",
            "1 EARLY_HELP 3A started=0 open=0 events=0 0.0/0.0",
            "1 EARLY_HELP N2 started=0 open=0 events=0 0.0/0.0");
  }

  private static final String HOTSPOTS =
      """
      query($kind: AreaKind, $ageTo: Int) {
        hotspots(kind: $kind, service: "SOCIAL_CARE", from: "2025-01-01", to: "2025-06-30",
                 ageTo: $ageTo) {
          kind service from to ageFrom ageTo populationYear areasWithoutPopulation
          withoutPopulation childrenWithoutArea note
          areas { code name kind ward children population ratePer10000 imdDecile } } }
      """;

  private static List<String> areas(HttpGraphQlTester.Response r) {
    return r.path("hotspots.areas").entityList(Map.class).get().stream()
        .map(
            a ->
                a.get("code")
                    + " ward="
                    + a.get("ward")
                    + " children="
                    + a.get("children")
                    + " population="
                    + a.get("population")
                    + " rate="
                    + a.get("ratePer10000")
                    + " imd="
                    + a.get("imdDecile"))
        .toList();
  }

  @Test
  void hotspotRatesByLsoaAndWardWithImdDecilesAndAreasWithoutPopulation() {
    var lsoas = as("analyst").document(HOTSPOTS).variable("kind", "LSOA").execute();
    lsoas.path("hotspots.populationYear").entity(Integer.class).isEqualTo(2025);
    // L4's bands straddle 17 (15-19): no estimate for 0-17.
    lsoas.path("hotspots.areasWithoutPopulation").entity(Integer.class).isEqualTo(1);
    lsoas.path("hotspots.withoutPopulation").entityList(String.class).containsExactly("E01T00004");
    // C7 has no address: 1, withheld.
    lsoas.path("hotspots.childrenWithoutArea").valueIsNull();
    // Referrals open in the period, aged 0-17 on 30 June 2025, where they lived then: L1 B2-B8
    // (B1 is 18; D moved to L4 on 1 June), L2 C1-C6, L3 none (F's are retired, G1 is health), L4
    // D1-D3 (withheld, and no population).
    assertThat(areas(lsoas))
        .containsExactly(
            "E01T00002 ward=E05T00001 children=6 population=720 rate=83.3 imd=1",
            "E01T00001 ward=E05T00001 children=7 population=900 rate=77.8 imd=2",
            "E01T00003 ward=E05T00002 children=0 population=540 rate=0.0 imd=7",
            "E01T00004 ward=E05T00002 children=null population=null rate=null imd=9");

    var wards = as("analyst").document(HOTSPOTS).variable("kind", "WARD").execute();
    // W2 needs L4's population; a ward's IMD decile is its LSOAs' median (the lower middle one).
    assertThat(areas(wards))
        .containsExactly(
            "E05T00001 ward=null children=13 population=1620 rate=80.2 imd=1",
            "E05T00002 ward=null children=null population=null rate=null imd=7");

    // Aged 0-14, L4's bands cover the range: it has a population, its count is still withheld, so
    // it comes after the shown rates.
    var young =
        as("quality-assurance")
            .document(HOTSPOTS)
            .variable("kind", "LSOA")
            .variable("ageTo", 14)
            .execute();
    young.path("hotspots.withoutPopulation").entityList(String.class).hasSize(0);
    assertThat(areas(young))
        .containsExactly(
            "E01T00002 ward=E05T00001 children=6 population=600 rate=100.0 imd=1",
            "E01T00001 ward=E05T00001 children=7 population=750 rate=93.3 imd=2",
            "E01T00003 ward=E05T00002 children=0 population=450 rate=0.0 imd=7",
            "E01T00004 ward=E05T00002 children=null population=300 rate=null imd=9");
  }

  @Test
  void argumentsAreCheckedAndFrontlineStaffAreRefused() {
    as("analyst")
        .document(
            "{ hotspots(service: \"CARE\", from: \"2025-01-01\", to: \"2025-06-30\") { kind } }")
        .execute()
        .errors()
        .satisfy(
            e ->
                assertThat(e.get(0).getMessage())
                    .contains("service: unknown service 'CARE'; expected one of [SOCIAL_CARE"));
    as("analyst")
        .document(
            "{ serviceTrends(from: \"2025-01-01\", to: \"2025-06-30\", needCodes: [\"99Z\"]) {"
                + " note } }")
        .execute()
        .errors()
        .satisfy(
            e -> assertThat(e.get(0).getMessage()).contains("needCodes: unknown need code '99Z'"));
    as("analyst")
        .document("{ serviceFlows(from: \"2025-01-01\", to: \"2025-03-31\") { children } }")
        .execute()
        .errors()
        .satisfy(
            e -> assertThat(e.get(0).getMessage()).contains("to: flows need at least two periods"));
    as("frontline")
        .document("{ serviceFlows(from: \"2025-01-01\", to: \"2025-06-30\") { children } }")
        .execute()
        .errors()
        .satisfy(e -> assertThat(e).isNotEmpty());
  }

  @Test
  void populationQueriesStartFromAnIndex() {
    for (String name :
        List.of(
            "flows",
            "trends-summaries",
            "trends-need-codes",
            "trends-events",
            "hotspots",
            "population-estimates")) {
      String plan =
          db.executableQuery("EXPLAIN " + CypherFile.load("queries/baseline/" + name))
              .withParameters(
                  Map.of(
                      "services",
                      List.of("SOCIAL_CARE"),
                      "service",
                      "SOCIAL_CARE",
                      "needCodes",
                      List.of("3A"), // trends-need-codes runs only when codes are asked for
                      "by",
                      "SERVICE",
                      "ranks",
                      Map.of("SOCIAL_CARE", 0),
                      "from",
                      java.time.LocalDate.of(2025, 1, 1),
                      "to",
                      java.time.LocalDate.of(2025, 6, 30),
                      "months",
                      3,
                      "offset",
                      0,
                      "base",
                      8100))
              .execute()
              .summary()
              .plan()
              .toString();
      assertThat(plan).as(name).doesNotContain("NodeByLabelScan").contains("NodeIndexSeek");
    }
  }
}
