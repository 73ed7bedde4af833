package org.childjourneys.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.TestNeo4j;
import org.childjourneys.TestUsers;
import org.childjourneys.neo4j.CypherFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cohorts through the API on a hand-built graph whose answers were worked out by hand: exact
 * membership of each kind of filter, tracking, comparison and overlap, suppression, reproducible
 * samples, identifiability only for quality assurance reading for AUDIT (with audit entries), and
 * argument errors. Runs on the import tests' database, emptied first.
 *
 * <p>The children: H01-H12 had a child protection plan from 1 May 2025 (H13's ran from 2024 to 1
 * April 2025, H14's ended 31 March 2025, H15's is retired) and all thirteen an open referral from
 * 15 April 2025; H01-H07 came into care on 10 July 2025; H01-H03 went missing on 5 August 2025;
 * H08-H13 had an early help plan in June 2025. H01-H06 were born in 2012 (13 on 31 March 2026),
 * H07-H12 in 2020 (6), H13 in 2008. H06 is restricted. H04 and H16 had a contact closed with no
 * further action (H05 one that became a referral); H17 has nothing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "childjourneys.demo.enabled=false",
      "childjourneys.import.directory=target/test-imports"
    })
@AutoConfigureHttpGraphQlTester
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortsOnHandBuiltDataTest {

  private static final String GRAPH =
      """
      UNWIND $children AS c
      CREATE (child:Child {id: c.id, givenName: 'Given' + c.id, familyName: 'Family' + c.id,
                           birthDate: date(c.born), sex: 'F', restricted: c.restricted})
      CREATE (r:PersonRecord {id: 'T:' + c.id, system: 'T', localId: c.id, personType: 'CHILD'})
      CREATE (r)-[:REFERS_TO {score: 1.0, method: 'NEW_PERSON', status: 'CONFIRMED'}]->(child)
      WITH r, c
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
          date: date(e.date), childId: c.id})
      }
      CALL (r, c) {
        UNWIND c.contacts AS k
        CREATE (r)-[:SUBJECT_OF]->(:Contact {id: r.id + ':K:' + k.date, decision: k.decision,
          receivedAt: datetime(k.date + 'T10:00:00Z'), childId: c.id})
      }
      """;

  private static final String AREAS =
      """
      CREATE (w1:Area {code: 'E05T00001', kind: 'WARD', name: 'Ward one'})
      CREATE (w2:Area {code: 'E05T00002', kind: 'WARD', name: 'Ward two'})
      CREATE (:Area {code: 'E01T00001', kind: 'LSOA'})-[:IN]->(w1)
      CREATE (:Area {code: 'E01T00002', kind: 'LSOA'})-[:IN]->(w1)
      CREATE (:Area {code: 'E01T00003', kind: 'LSOA'})-[:IN]->(w2)
      WITH *
      UNWIND [['H01', 'E01T00001', null], ['H02', 'E01T00002', null], ['H03', 'E01T00003', null],
              ['H04', 'E01T00001', '2020-01-01']] AS lived
      MATCH (c:Child {id: lived[0]})
      MATCH (lsoa:Area {code: lived[1]})
      CREATE (c)-[:MEMBER_OF {from: date('2012-06-01')}]->(h:Household {id: 'HH-' + lived[0]})
      CREATE (h)-[:LIVES_AT {from: date('2012-06-01'), to: date(lived[2])}]->(a:Address {id: 'AD-' + lived[0]})
      CREATE (a)-[:IN]->(lsoa)
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
    List<Map<String, Object>> children = new ArrayList<>();
    for (int n = 1; n <= 17; n++) {
      String id = String.format("H%02d", n);
      List<Map<String, Object>> involvements = new ArrayList<>();
      List<Map<String, Object>> events = new ArrayList<>();
      List<Map<String, Object>> contacts = new ArrayList<>();
      if (n <= 12) {
        involvements.add(inv("CP_PLAN", "2025-05-01", null));
      }
      if (n <= 13) {
        Map<String, Object> cin = inv("CIN_EPISODE", "2025-04-15", null);
        cin.put("primaryNeed", n == 13 ? "N4" : "N1");
        involvements.add(cin);
      }
      if (n <= 7) {
        involvements.add(inv("LAC_EPISODE", "2025-07-10", null));
      }
      if (n <= 3) {
        events.add(Map.of("kind", "MISSING_EPISODE", "date", "2025-08-05"));
      }
      if (n >= 8 && n <= 13) {
        Map<String, Object> eh = inv("EARLY_HELP_PLAN", "2025-06-01", "2025-06-30");
        eh.put("service", "EARLY_HELP");
        involvements.add(eh);
      }
      if (n == 1 || n == 2 || n == 3) {
        Map<String, Object> a = inv("ASSESSMENT", "2025-04-20", "2025-05-20");
        a.put("needCodes", n == 3 ? List.of("4A") : List.of("3A", "16A"));
        involvements.add(a);
      }
      if (n == 13) {
        involvements.add(inv("CP_PLAN", "2024-01-01", "2025-04-01"));
      }
      if (n == 14) {
        involvements.add(inv("CP_PLAN", "2024-01-01", "2025-03-31"));
      }
      if (n == 15) {
        Map<String, Object> retired = inv("CP_PLAN", "2025-06-01", null);
        retired.put("retired", true);
        involvements.add(retired);
      }
      if (n == 4 || n == 16) {
        contacts.add(
            Map.of("decision", "NO_FURTHER_ACTION", "date", n == 4 ? "2025-04-10" : "2025-05-05"));
      }
      if (n == 5) {
        contacts.add(Map.of("decision", "REFERRAL", "date", "2025-04-12"));
      }
      Map<String, Object> child = new HashMap<>();
      child.put("id", id);
      child.put("born", n <= 6 ? "2012-06-01" : n <= 12 ? "2020-01-01" : "2008-01-01");
      child.put("restricted", n == 6);
      child.put("involvements", involvements);
      child.put("events", events);
      child.put("contacts", contacts);
      children.add(child);
    }
    db.executableQuery(GRAPH).withParameters(Map.of("children", children)).execute();
    db.executableQuery(AREAS).execute();
  }

  private static Map<String, Object> inv(String kind, String start, String end) {
    Map<String, Object> f = new HashMap<>();
    f.put("kind", kind);
    f.put("service", kind.startsWith("EARLY_HELP") ? "EARLY_HELP" : "SOCIAL_CARE");
    f.put("start", start);
    f.put("end", end);
    f.put("retired", false);
    return f;
  }

  private HttpGraphQlTester as(String user) {
    return anonymousGraphQl.mutate().header("Authorization", TestUsers.basic(user)).build();
  }

  private static final String SAVE =
      """
      mutation($name: String!, $definition: CohortDefinitionInput!) {
        saveCohort(name: $name, definition: $definition) {
          id name definition createdBy role createdAt referenceDate size } }
      """;

  private GraphQlTester.Response save(String user, String name, Map<String, Object> definition) {
    return as(user)
        .document(SAVE)
        .variable("name", name)
        .variable("definition", definition)
        .execute();
  }

  /** Saves the cohort and returns its id. */
  private String saved(String name, Map<String, Object> definition) {
    return save("analyst", name, definition).path("saveCohort.id").entity(String.class).get();
  }

  @SuppressWarnings("unchecked")
  private List<String> members(String cohortId) {
    return (List<String>)
        (List<?>)
            db.executableQuery("MATCH (c:Cohort {id: $id}) RETURN c.memberIds AS ids")
                .withParameters(Map.of("id", cohortId))
                .execute()
                .records()
                .get(0)
                .get("ids")
                .asList();
  }

  private static final Map<String, Object> YEAR = Map.of("from", "2025-04-01", "to", "2026-03-31");

  private static Map<String, Object> year(Object... more) {
    Map<String, Object> d = new HashMap<>(YEAR);
    for (int i = 0; i < more.length; i += 2) {
      d.put((String) more[i], more[i + 1]);
    }
    return d;
  }

  @Test
  void eachFilterSelectsExactlyTheChildrenWorkedOutByHand() {
    List<String> cpPlans = new ArrayList<>();
    for (int n = 1; n <= 12; n++) {
      cpPlans.add(String.format("H%02d", n));
    }
    List<String> active = new ArrayList<>(cpPlans);
    active.add("H13");
    // Open at some time in the year: H13's plan ended on its first day; H14's the day before; H15's
    // is retired.
    assertThat(members(saved("cp active", year("kinds", List.of("CP_PLAN")))))
        .containsExactlyElementsOf(active);
    assertThat(members(saved("cp started", year("kinds", List.of("CP_PLAN"), "entry", "STARTED"))))
        .containsExactlyElementsOf(cpPlans);
    assertThat(members(saved("early help", year("services", List.of("EARLY_HELP")))))
        .containsExactly("H08", "H09", "H10", "H11", "H12", "H13");
    assertThat(
            members(
                saved(
                    "early help and social care kinds",
                    year("services", List.of("EARLY_HELP"), "kinds", List.of("CP_PLAN")))))
        .isEmpty();
    // Ages on to (31 March 2026): H01-H06 are 13, H07-H12 are 6, H13 is 18.
    assertThat(
            members(
                saved(
                    "teenagers on plans",
                    year("kinds", List.of("CP_PLAN"), "ageBands", List.of("10_TO_15")))))
        .containsExactly("H01", "H02", "H03", "H04", "H05", "H06");
    assertThat(
            members(
                saved(
                    "5 to 9 on plans",
                    year("kinds", List.of("CP_PLAN"), "ageFrom", 5, "ageTo", 9))))
        .containsExactly("H07", "H08", "H09", "H10", "H11", "H12");
    assertThat(
            members(
                saved(
                    "12 on 1 April 2025",
                    year(
                        "kinds",
                        List.of("CP_PLAN"),
                        "ageFrom",
                        12,
                        "ageTo",
                        12,
                        "ageOn",
                        "2025-04-01"))))
        .containsExactly("H01", "H02", "H03", "H04", "H05", "H06");
    // Need codes alone (no involvement filter: every child is a candidate).
    assertThat(members(saved("domestic violence", year("needCodes", List.of("3A")))))
        .containsExactly("H01", "H02");
    assertThat(members(saved("family in acute stress", year("primaryNeeds", List.of("N4")))))
        .containsExactly("H13");
    // Areas: a ward covers its LSOAs; H04 moved out of E01T00001 in 2020.
    assertThat(members(saved("ward one", year("areas", List.of("E05T00001")))))
        .containsExactly("H01", "H02");
    assertThat(members(saved("ward one ever", Map.of("areas", List.of("E05T00001")))))
        .containsExactly("H01", "H02", "H04");
    assertThat(members(saved("lsoa three", year("areas", List.of("E01T00003")))))
        .containsExactly("H03");
    // Contacts, and an outcome after the entry (the contact's day; the plan's start).
    assertThat(members(saved("nfa", year("decisions", List.of("NO_FURTHER_ACTION")))))
        .containsExactly("H04", "H16");
    assertThat(
            members(
                saved(
                    "nfa then a plan within 3 months",
                    year(
                        "decisions",
                        List.of("NO_FURTHER_ACTION"),
                        "outcome",
                        Map.of("kind", "CP_PLAN", "withinMonths", 3)))))
        .containsExactly("H04");
    assertThat(
            members(
                saved(
                    "plan then missing",
                    year(
                        "kinds",
                        List.of("CP_PLAN"),
                        "entry",
                        "STARTED",
                        "outcome",
                        Map.of("kind", "MISSING_EPISODE")))))
        .containsExactly("H01", "H02", "H03");
    assertThat(
            members(
                saved(
                    "plan then missing within 3 months",
                    year(
                        "kinds",
                        List.of("CP_PLAN"),
                        "outcome",
                        Map.of("kind", "MISSING_EPISODE", "withinMonths", 3)))))
        .isEmpty();
    // A list: kept as given, sorted.
    assertThat(members(saved("listed", Map.of("childIds", List.of("H16", "H02", "H02")))))
        .containsExactly("H02", "H16");
  }

  @Test
  @SuppressWarnings("rawtypes")
  void aSavedCohortKeepsItsDefinitionAuthorAndDateAndListsWithSizesSuppressed() {
    var saved =
        save(
            "analyst",
            "Teenagers on plans",
            year("kinds", List.of("CP_PLAN"), "ageBands", List.of("10_TO_15")));
    saved.path("saveCohort.name").entity(String.class).isEqualTo("Teenagers on plans");
    saved.path("saveCohort.createdBy").entity(String.class).isEqualTo("analyst");
    saved.path("saveCohort.role").entity(String.class).isEqualTo("ANALYST");
    saved.path("saveCohort.size").entity(Integer.class).isEqualTo(6);
    assertThat(saved.path("saveCohort.createdAt").entity(String.class).get()).isNotBlank();
    assertThat(saved.path("saveCohort.referenceDate").entity(String.class).get()).isNotBlank();
    assertThat(saved.path("saveCohort.definition").entity(String.class).get())
        .isEqualTo(
            "{\"kinds\":[\"CP_PLAN\"],\"from\":\"2025-04-01\",\"to\":\"2026-03-31\",\"entry\":\"ACTIVE\","
                + "\"ageBands\":[\"10_TO_15\"],\"ageOn\":\"2026-03-31\"}");
    String small = saved("Three with a 3A/4A assessment", year("kinds", List.of("ASSESSMENT")));
    var listedCohort =
        save("quality-assurance", "listed", Map.of("childIds", List.of("H01", "H02", "H03")));
    listedCohort
        .path("saveCohort.definition")
        .entity(String.class)
        .isEqualTo("{\"listedChildren\":3}");
    listedCohort.path("saveCohort.size").valueIsNull();
    listedCohort.path("saveCohort.role").entity(String.class).isEqualTo("QUALITY_ASSURANCE");

    List<Map> cohorts =
        as("leader")
            .document(
                "{ cohorts(first: 100) { id name definition createdBy role createdAt referenceDate size } }")
            .execute()
            .path("cohorts")
            .entityList(Map.class)
            .get();
    Map listed = cohorts.get(0);
    assertThat(listed.get("name")).isEqualTo("listed");
    assertThat(cohorts)
        .filteredOn(c -> c.get("id").equals(small))
        .singleElement()
        .satisfies(c -> assertThat(c.get("size")).isNull());
    as("front-door")
        .document("{ cohorts { id } }")
        .execute()
        .errors()
        .satisfy(
            errors ->
                assertThat(errors)
                    .singleElement()
                    .matches(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType()))));
    as("admin")
        .document(SAVE)
        .variable("name", "x")
        .variable("definition", Map.of("childIds", List.of("H01")))
        .execute()
        .errors()
        .satisfy(
            errors ->
                assertThat(errors)
                    .singleElement()
                    .matches(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType()))));
  }

  @Test
  @SuppressWarnings("rawtypes")
  void trackingCountsMembersPerMonthWithSmallNumbersWithheld() {
    String cp = saved("cp active", year("kinds", List.of("CP_PLAN")));
    var track =
        as("analyst")
            .document(
                """
                query($id: ID!) { cohortTrack(id: $id, from: "2025-04-10", to: "2025-08-31", every: MONTH) {
                    cohortId name every size
                    periods { start end earlyHelp childInNeed childProtectionPlan lookedAfter
                              youthJustice neet exclusion missing } } }
                """)
            .variable("id", cp)
            .execute();
    track.path("cohortTrack.cohortId").entity(String.class).isEqualTo(cp);
    track.path("cohortTrack.name").entity(String.class).isEqualTo("cp active");
    track.path("cohortTrack.every").entity(String.class).isEqualTo("MONTH");
    track.path("cohortTrack.size").entity(Integer.class).isEqualTo(13);
    List<Map> periods = track.path("cohortTrack.periods").entityList(Map.class).get();
    assertThat(periods)
        .extracting(p -> p.get("start") + ".." + p.get("end"))
        .containsExactly(
            "2025-04-10..2025-04-30",
            "2025-05-01..2025-05-31",
            "2025-06-01..2025-06-30",
            "2025-07-01..2025-07-31",
            "2025-08-01..2025-08-31");
    // April: 13 referrals open; H13's plan ended before the 10th: none on a plan.
    assertThat(periods.get(0))
        .containsEntry("childInNeed", 13)
        .containsEntry("childProtectionPlan", 0);
    // May: 12 of 13 on a plan: the one without could be worked out, so withheld.
    assertThat(periods.get(1))
        .containsEntry("childProtectionPlan", null)
        .containsEntry("earlyHelp", 0);
    // June: early help for 6 (7 without); July: early help over, 7 in care (6 not).
    assertThat(periods.get(2)).containsEntry("earlyHelp", 6).containsEntry("lookedAfter", 0);
    assertThat(periods.get(3)).containsEntry("earlyHelp", 0).containsEntry("lookedAfter", 7);
    // August: 3 went missing: withheld.
    assertThat(periods.get(4))
        .containsEntry("missing", null)
        .containsEntry("lookedAfter", 7)
        .containsEntry("exclusion", 0)
        .containsEntry("youthJustice", 0)
        .containsEntry("neet", 0);

    var quarters =
        as("manager")
            .document(
                "query($id: ID!) { cohortTrack(id: $id, from: \"2025-04-01\", to: \"2025-12-31\", every: QUARTER) { periods { start end lookedAfter } } }")
            .variable("id", cp)
            .execute();
    assertThat(quarters.path("cohortTrack.periods").entityList(Map.class).get())
        .extracting(p -> p.get("start") + ".." + p.get("end") + ":" + p.get("lookedAfter"))
        .containsExactly(
            "2025-04-01..2025-06-30:0", "2025-07-01..2025-09-30:7", "2025-10-01..2025-12-31:7");
  }

  @Test
  @SuppressWarnings("rawtypes")
  void comparingTwoCohortsShowsBothSideBySideAndTheirOverlap() {
    String cp = saved("cp active", year("kinds", List.of("CP_PLAN")));
    String care = saved("in care", year("kinds", List.of("LAC_EPISODE")));
    String needs = saved("domestic violence", year("needCodes", List.of("3A")));
    String query =
        """
        query($a: ID!, $b: ID!) { compareCohorts(a: $a, b: $b, from: "2025-07-01", to: "2025-09-30") {
            overlap
            a { cohortId name size every periods { start lookedAfter childProtectionPlan } }
            b { cohortId name size periods { start lookedAfter childProtectionPlan } } } }
        """;
    var compared = as("leader").document(query).variable("a", cp).variable("b", care).execute();
    compared.path("compareCohorts.overlap").entity(Integer.class).isEqualTo(7);
    compared.path("compareCohorts.a.size").entity(Integer.class).isEqualTo(13);
    compared.path("compareCohorts.b.size").entity(Integer.class).isEqualTo(7);
    compared.path("compareCohorts.a.every").entity(String.class).isEqualTo("QUARTER");
    compared.path("compareCohorts.b.name").entity(String.class).isEqualTo("in care");
    List<Map> a = compared.path("compareCohorts.a.periods").entityList(Map.class).get();
    List<Map> b = compared.path("compareCohorts.b.periods").entityList(Map.class).get();
    assertThat(a).singleElement().satisfies(p -> assertThat(p).containsEntry("lookedAfter", 7));
    // All 7 in care: the 0 without is shown; of them the 7 on a plan are all of them too.
    assertThat(b)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .containsEntry("lookedAfter", 7)
                    .containsEntry("childProtectionPlan", 7));

    var small = as("analyst").document(query).variable("a", cp).variable("b", needs).execute();
    small.path("compareCohorts.overlap").valueIsNull();
    small.path("compareCohorts.b.size").valueIsNull();
    small.path("compareCohorts.a.size").entity(Integer.class).isEqualTo(13);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void samplesAreReproducibleAndIdentifiableOnlyToQualityAssuranceForAudit() {
    String cp = saved("cp active", year("kinds", List.of("CP_PLAN")));
    String query =
        """
        query($id: ID!, $seed: Long, $purpose: Purpose!) {
          cohortSample(id: $id, size: 5, seed: $seed, purpose: $purpose) {
            cohortId seed identifiable cohortSize
            children { pseudonym childId givenName familyName birthDate ageBand sex } } }
        """;
    List<String> first = sampleIds(as("quality-assurance"), query, cp, 11L);
    List<String> again = sampleIds(as("quality-assurance"), query, cp, 11L);
    List<String> other = sampleIds(as("quality-assurance"), query, cp, 12L);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    // The method: the members sorted, shuffled with the seed, the first 5; H06 (restricted) is left
    // out when drawn.
    List<String> drawn = SavedCohortService.draw(members(cp), 11L, 5);
    assertThat(first).isEqualTo(drawn.stream().filter(id -> !id.equals("H06")).toList());

    var qa =
        as("quality-assurance")
            .document(query)
            .variable("id", cp)
            .variable("seed", 11L)
            .variable("purpose", "AUDIT")
            .execute();
    qa.path("cohortSample.identifiable").entity(Boolean.class).isEqualTo(true);
    qa.path("cohortSample.seed").entity(Long.class).isEqualTo(11L);
    qa.path("cohortSample.cohortId").entity(String.class).isEqualTo(cp);
    qa.path("cohortSample.cohortSize").entity(Integer.class).isEqualTo(13);
    List<Map> named = qa.path("cohortSample.children").entityList(Map.class).get();
    assertThat(named)
        .allSatisfy(
            c -> {
              assertThat(c.get("givenName")).isEqualTo("Given" + c.get("childId"));
              assertThat(c.get("familyName")).isEqualTo("Family" + c.get("childId"));
              assertThat(c.get("birthDate")).isNotNull();
              assertThat(c.get("pseudonym")).isNull();
              assertThat(c.get("sex")).isEqualTo("F");
            });
    // Every drawn child is audited: allowed and found, or (H06, restricted) refused.
    List<String> audited =
        db
            .executableQuery(
                """
                MATCH (a:AuditEntry {actor: 'quality-assurance', purpose: 'AUDIT', action: 'READ'})
                WHERE a.what = 'cohort sample of ' + $id + ' (seed 11)'
                RETURN a.childId + ':' + a.allowed AS entry ORDER BY a.seq
                """)
            .withParameters(Map.of("id", cp))
            .execute()
            .records()
            .stream()
            .map(r -> r.get("entry").asString())
            .distinct()
            .toList();
    assertThat(audited)
        .containsExactlyElementsOf(drawn.stream().map(id -> id + ":" + !id.equals("H06")).toList());

    // Analysts, and quality assurance for another purpose: pseudonyms only, nothing audited.
    long entriesBefore = auditEntries();
    var analyst =
        as("analyst")
            .document(query)
            .variable("id", cp)
            .variable("seed", 11L)
            .variable("purpose", "ANALYSIS")
            .execute();
    analyst.path("cohortSample.identifiable").entity(Boolean.class).isEqualTo(false);
    List<Map> pseudonymised = analyst.path("cohortSample.children").entityList(Map.class).get();
    assertThat(pseudonymised).hasSize(5);
    assertThat(pseudonymised)
        .allSatisfy(
            c -> {
              assertThat((String) c.get("pseudonym")).startsWith("P-");
              assertThat(c.get("childId")).isNull();
              assertThat(c.get("givenName")).isNull();
              assertThat(c.get("familyName")).isNull();
              assertThat(c.get("birthDate")).isNull();
              assertThat(c.get("ageBand")).isIn("10_TO_15", "5_TO_9", "16_AND_OVER");
            });
    var qaForAnalysis =
        as("quality-assurance")
            .document(query)
            .variable("id", cp)
            .variable("seed", 11L)
            .variable("purpose", "ANALYSIS")
            .execute();
    qaForAnalysis.path("cohortSample.identifiable").entity(Boolean.class).isEqualTo(false);
    var managerForAudit =
        as("manager")
            .document(query)
            .variable("id", cp)
            .variable("seed", 11L)
            .variable("purpose", "AUDIT")
            .execute();
    managerForAudit.path("cohortSample.identifiable").entity(Boolean.class).isEqualTo(false);
    assertThat(auditEntries()).isEqualTo(entriesBefore);

    // The cohort's own seed when none is given: the same children each time.
    var byDefault =
        as("analyst")
            .document(
                "query($id: ID!) { cohortSample(id: $id, purpose: ANALYSIS) { seed children { pseudonym } } }")
            .variable("id", cp);
    assertThat(byDefault.execute().path("cohortSample").entity(Map.class).get())
        .isEqualTo(byDefault.execute().path("cohortSample").entity(Map.class).get());

    // A cohort of 1 to 5 lists nobody pseudonymised.
    String needs = saved("domestic violence", year("needCodes", List.of("3A")));
    var small =
        as("analyst")
            .document(query)
            .variable("id", needs)
            .variable("seed", 1L)
            .variable("purpose", "ANALYSIS")
            .execute();
    small.path("cohortSample.cohortSize").valueIsNull();
    small.path("cohortSample.children").entityList(Map.class).hasSize(0);
  }

  private List<String> sampleIds(HttpGraphQlTester qa, String query, String id, long seed) {
    return qa.document(query)
        .variable("id", id)
        .variable("seed", seed)
        .variable("purpose", "AUDIT")
        .execute()
        .path("cohortSample.children[*].childId")
        .entityList(String.class)
        .get();
  }

  private long auditEntries() {
    return db.executableQuery("MATCH (a:AuditEntry) RETURN count(a) AS n")
        .execute()
        .records()
        .get(0)
        .get("n")
        .asLong();
  }

  @Test
  void aMemberMergedSinceTheCohortWasSavedIsSampledAsTheChildTheyAreNow() {
    String listed = saved("merged later", Map.of("childIds", List.of("H16", "H17")));
    db.executableQuery(
            """
            MATCH (h17:Child {id: 'H17'}) SET h17.mergedInto = 'H02'
            """)
        .execute();
    try {
      List<String> ids =
          as("quality-assurance")
              .document(
                  "query($id: ID!) { cohortSample(id: $id, size: 50, purpose: AUDIT) { children { childId } } }")
              .variable("id", listed)
              .execute()
              .path("cohortSample.children[*].childId")
              .entityList(String.class)
              .get();
      assertThat(ids).containsExactlyInAnyOrder("H02", "H16");
    } finally {
      db.executableQuery("MATCH (h17:Child {id: 'H17'}) REMOVE h17.mergedInto").execute();
    }
  }

  @Test
  void hotQueriesStartFromAnIndex() {
    Map<String, String> firstOperator =
        Map.of(
            "entry-by-kind", "NodeIndexSeek",
            "entry-by-service", "NodeIndexSeek",
            "entry-by-contact", "NodeIndexSeek",
            "filter", "NodeUniqueIndexSeek",
            "track", "NodeUniqueIndexSeek",
            "members", "NodeUniqueIndexSeek",
            "sample-children", "NodeUniqueIndexSeek");
    firstOperator.forEach(
        (name, operator) -> {
          var plan =
              db.executableQuery("EXPLAIN " + CypherFile.load("queries/cohorts/" + name))
                  .execute()
                  .summary()
                  .plan();
          assertThat(operators(plan)).as(name).anyMatch(o -> o.startsWith(operator));
          assertThat(operators(plan)).as(name).noneMatch(o -> o.startsWith("NodeByLabelScan"));
        });
  }

  private static List<String> operators(org.neo4j.driver.summary.Plan plan) {
    List<String> all = new ArrayList<>();
    all.add(plan.operatorType());
    plan.children().forEach(c -> all.addAll(operators(c)));
    return all;
  }

  @Test
  void everyArgumentIsChecked() {
    rejected(year("kinds", List.of("CP")), "definition.kinds", "one of CIN_EPISODE, ASSESSMENT");
    rejected(
        year("services", List.of("SOCIALCARE")),
        "definition.services",
        "one of SOCIAL_CARE, EARLY_HELP");
    rejected(year("needCodes", List.of("99Z")), "definition.needCodes", "one of 10A, 11A");
    rejected(year("primaryNeeds", List.of("N11")), "definition.primaryNeeds", "one of N0, N1");
    rejected(year("areas", List.of("E01NOPE")), "definition.areas", "an LSOA or ward code");
    rejected(year("decisions", List.of("NFA")), "definition.decisions", "one of NO_FURTHER_ACTION");
    rejected(year("ageBands", List.of("TEEN")), "definition.ageBands", "one of UNDER_1");
    rejected(year("ageFrom", 10, "ageTo", 5), "definition.ageTo", "at least ageFrom");
    rejected(year("ageFrom", -1), "definition.ageFrom", "from 0 to 25");
    rejected(year("ageOn", "2025-01-01"), "definition.ageOn", "give ageFrom");
    rejected(Map.of("from", "2026-01-01", "to", "2025-01-01"), "definition.to", "before from");
    rejected(Map.of("entry", "STARTED"), "definition.entry", "give services or kinds");
    rejected(year("kinds", List.of()), "definition.kinds", "from 1 to 100 values");
    rejected(
        year("kinds", List.of("CP_PLAN"), "outcome", Map.of("kind", "PROMOTION")),
        "definition.outcome.kind",
        "CAMHS_TREATMENT, DOMESTIC_INCIDENT");
    rejected(
        year("kinds", List.of("CP_PLAN"), "outcome", Map.of("kind", "ARREST", "withinMonths", 0)),
        "definition.outcome.withinMonths",
        "from 1 to 120");
    rejected(
        Map.of("ageFrom", 1, "outcome", Map.of("kind", "ARREST")),
        "definition.outcome",
        "give services, kinds, decisions or from");
    rejected(
        Map.of("childIds", List.of("H01"), "kinds", List.of("CP_PLAN")),
        "definition.childIds",
        "either a list of children or filters");
    rejected(Map.of("childIds", List.of("H01", "NOPE")), "definition.childIds", "not children");
    as("analyst")
        .document(SAVE)
        .variable("name", " ")
        .variable("definition", YEAR)
        .execute()
        .errors()
        .satisfy(
            errors ->
                assertThat(errors)
                    .singleElement()
                    .matches(e -> e.getMessage().startsWith("name: 1 to 100 characters")));

    String cp = saved("cp", year("kinds", List.of("CP_PLAN")));
    error(
        "{ cohortTrack(id: \"COH-none\", from: \"2025-01-01\", to: \"2025-02-01\") { size } }",
        "id: no saved cohort COH-none");
    error(
        "{ cohortTrack(id: \"" + cp + "\", from: \"2025-02-01\", to: \"2025-01-01\") { size } }",
        "to: before from");
    error(
        "{ cohortTrack(id: \"" + cp + "\", from: \"2020-01-01\", to: \"2025-12-31\") { size } }",
        "to: at most 60 periods");
    error(
        "{ compareCohorts(a: \""
            + cp
            + "\", b: \"COH-none\", from: \"2025-01-01\", to: \"2025-02-01\") { overlap } }",
        "b: no saved cohort COH-none");
    error(
        "{ cohortSample(id: \"" + cp + "\", size: 51, purpose: AUDIT) { seed } }",
        "size: from 1 to 50");
    error("{ cohorts(first: 101) { id } }", "first: from 1 to 100");
  }

  private void rejected(Map<String, Object> definition, String field, String reason) {
    save("analyst", "bad", definition)
        .errors()
        .satisfy(
            errors ->
                assertThat(errors)
                    .singleElement()
                    .matches(
                        e ->
                            e.getMessage().startsWith(field + ": ")
                                && e.getMessage().contains(reason)
                                && field.equals(e.getExtensions().get("field"))));
  }

  private void error(String document, String message) {
    as("analyst")
        .document(document)
        .execute()
        .errors()
        .satisfy(
            errors ->
                assertThat(errors)
                    .singleElement()
                    .matches(e -> e.getMessage().startsWith(message)));
  }
}
