package org.childjourneys.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.InvalidInputException;
import org.childjourneys.TestNeo4j;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.neo4j.JourneySummaries;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Overlap and pathways on hand-built journeys whose answers were worked out by hand
 * (docs/measures.md#overlap, #pathways): exact cells, combinations, before/during/after shares,
 * support, outcome rates, lift, confidence intervals (to 1e-6) and suppression patterns. Runs on
 * the import tests' database, emptied first; summaries are built by the rebuild the generator runs.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "childjourneys.demo.enabled=false",
      "childjourneys.import.directory=target/test-imports"
    })
class JourneyAnalyticsOnHandBuiltDataTest {

  private static final double EXACT = 1e-6;
  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  private static final LocalDate TO = LocalDate.of(2025, 12, 31);

  private static final String LOAD =
      """
      UNWIND $children AS c
      CREATE (child:Child {id: c.id})
      CREATE (r:PersonRecord {id: 'H:' + c.id})-[:REFERS_TO]->(child)
      WITH r, c
      UNWIND c.facts AS f
      CREATE (r)-[:HAD]->(:Involvement {id: 'H:' + randomUUID(), kind: f[0], service: f[1], childId: c.id,
              start: date(f[2]), end: CASE WHEN f[3] = '' THEN null ELSE date(f[3]) END})
      """;

  private static final String EVENTS =
      """
      UNWIND $events AS e
      CREATE (:Event {id: 'H:' + randomUUID(), kind: e[1], date: date(e[2]), childId: e[0]})
      """;

  @DynamicPropertySource
  static void importNeo4j(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> TestNeo4j.importBoltUri().toString());
    registry.add("spring.neo4j.authentication.password", () -> "");
  }

  @Autowired ServiceOverlapService overlap;
  @Autowired PathwaysService pathways;

  /** Children prefix-1..n, each with the same involvements [kind, service, start, end or '']. */
  private static void group(
      List<Map<String, Object>> into, String prefix, int n, String[]... facts) {
    for (int i = 1; i <= n; i++) {
      List<List<String>> rows = new ArrayList<>();
      for (String[] f : facts) {
        rows.add(List.of(f));
      }
      into.add(Map.of("id", prefix + "-" + i, "facts", rows));
    }
  }

  private static String[] f(String kind, String service, String start, String end) {
    return new String[] {kind, service, start, end};
  }

  private static void load(List<Map<String, Object>> children, List<List<String>> events) {
    try (Driver db = GraphDatabase.driver(TestNeo4j.importBoltUri(), AuthTokens.none())) {
      db.executableQuery(
              "MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Service AND NOT n:Need DETACH DELETE n")
          .execute();
      db.executableQuery(LOAD).withParameters(Map.of("children", children)).execute();
      db.executableQuery(EVENTS).withParameters(Map.of("events", events)).execute();
      JourneySummaries.rebuildAll(db, "neo4j");
    }
  }

  private static void overlapYear() {
    List<Map<String, Object>> c = new ArrayList<>();
    // G1: social care only in the year; early help after it (2026, outside the year).
    group(
        c,
        "G1",
        10,
        f("CIN_EPISODE", "SOCIAL_CARE", "2025-02-01", "2025-06-30"),
        f("EARLY_HELP_PLAN", "EARLY_HELP", "2026-02-01", "2026-05-01"));
    // G2: early help ending the day before social care starts (still open).
    group(
        c,
        "G2",
        8,
        f("EARLY_HELP_PLAN", "EARLY_HELP", "2024-06-01", "2025-03-31"),
        f("CIN_EPISODE", "SOCIAL_CARE", "2025-04-01", ""));
    // G3: early help only.
    group(c, "G3", 7, f("EARLY_HELP_PLAN", "EARLY_HELP", "2025-05-01", "2025-08-31"));
    // G4: an EHC plan since 2020.
    group(c, "G4", 12, f("EHC_PLAN", "EDUCATION", "2020-09-01", ""));
    // G5: all three: education before and during social care, early help after it.
    group(
        c,
        "G5",
        6,
        f("EHC_PLAN", "EDUCATION", "2023-01-01", "2025-04-30"),
        f("CIN_EPISODE", "SOCIAL_CARE", "2025-03-01", "2025-09-30"),
        f("EARLY_HELP_PLAN", "EARLY_HELP", "2025-11-01", ""));
    // G6: nothing active in the year: not in the cohort.
    group(
        c,
        "G6",
        2,
        f("CIN_EPISODE", "SOCIAL_CARE", "2023-01-01", "2023-12-31"),
        f("HOMELESSNESS_CASE", "HOUSING", "2026-01-01", ""));
    load(c, List.of());
  }

  @Test
  void overlapCellsCombinationsAndTimingOnAYearWithNoSmallCells() {
    overlapYear();
    var o =
        overlap.overlap(
            FROM, TO, List.of("SOCIAL_CARE", "EARLY_HELP", "EDUCATION"), null, "SOCIAL_CARE");

    assertThat(o.children()).isEqualTo(43);
    assertThat(o.services())
        .extracting(s -> s.service() + "=" + s.children())
        .containsExactly("SOCIAL_CARE=24", "EARLY_HELP=21", "EDUCATION=18");
    assertThat(o.pairs())
        .extracting(p -> p.a() + "&" + p.b() + "=" + p.both())
        .containsExactly(
            "SOCIAL_CARE&EARLY_HELP=14", "SOCIAL_CARE&EDUCATION=6", "EARLY_HELP&EDUCATION=6");
    assertThat(o.pairs().get(0).jaccard()).isCloseTo(14.0 / 31, within(EXACT));
    assertThat(o.pairs().get(1).jaccard()).isCloseTo(6.0 / 36, within(EXACT));
    assertThat(o.pairs().get(2).jaccard()).isCloseTo(6.0 / 33, within(EXACT));
    // UpSet: every exact combination, largest first.
    assertThat(o.combinations())
        .extracting(x -> String.join("+", x.services()) + "=" + x.children())
        .containsExactly(
            "EDUCATION=12",
            "SOCIAL_CARE=10",
            "SOCIAL_CARE+EARLY_HELP=8",
            "EARLY_HELP=7",
            "SOCIAL_CARE+EARLY_HELP+EDUCATION=6");
    // Without relativeTo only the combinations are needed, and they are counted in the database
    // (overlap-combinations.cypher): the same table.
    var counted =
        overlap.overlap(FROM, TO, List.of("SOCIAL_CARE", "EARLY_HELP", "EDUCATION"), null, null);
    assertThat(counted.relativeTo()).isNull();
    assertThat(counted.children()).isEqualTo(43);
    assertThat(counted.services()).isEqualTo(o.services());
    assertThat(counted.pairs()).isEqualTo(o.pairs());
    assertThat(counted.combinations()).isEqualTo(o.combinations());

    // Of social care's 24: G2's early help was before (8); G1's and G5's came after their social
    // care ended (16 of the 16 ended); G5's EHC plan was before and during it (6).
    var t = o.relativeTo();
    assertThat(t.service()).isEqualTo("SOCIAL_CARE");
    assertThat(t.children()).isEqualTo(24);
    assertThat(t.ended()).isEqualTo(16);
    var eh = t.others().get(0);
    assertThat(eh.service()).isEqualTo("EARLY_HELP");
    assertThat(List.of(eh.before(), eh.during(), eh.after())).containsExactly(8, 0, 16);
    assertThat(eh.beforeShare()).isCloseTo(8.0 / 24, within(EXACT));
    assertThat(eh.duringShare()).isEqualTo(0.0);
    assertThat(eh.afterShare()).isEqualTo(1.0);
    var ed = t.others().get(1);
    assertThat(List.of(ed.before(), ed.during(), ed.after())).containsExactly(6, 6, 0);
    assertThat(ed.beforeShare()).isCloseTo(0.25, within(EXACT));
    assertThat(ed.duringShare()).isCloseTo(0.25, within(EXACT));
    assertThat(ed.afterShare()).isEqualTo(0.0);
  }

  @Test
  void aSmallOverlapIsWithheldAndCannotBeRecoveredFromTheSingles() {
    List<Map<String, Object>> c = new ArrayList<>();
    group(c, "A", 10, f("CIN_EPISODE", "SOCIAL_CARE", "2025-02-01", ""));
    group(c, "B", 7, f("EARLY_HELP_PLAN", "EARLY_HELP", "2025-02-01", ""));
    group(
        c,
        "AB",
        3,
        f("CIN_EPISODE", "SOCIAL_CARE", "2025-02-01", ""),
        f("EARLY_HELP_PLAN", "EARLY_HELP", "2025-03-01", ""));
    load(c, List.of());

    var o = overlap.overlap(FROM, TO, List.of("SOCIAL_CARE", "EARLY_HELP"), null, "SOCIAL_CARE");

    // Both (3) is withheld; so are "social care only" (10) and "early help only" (7), or 13 - 10
    // and 10 - 7 would give it back. The singles and the total stay.
    assertThat(o.children()).isEqualTo(20);
    assertThat(o.services())
        .extracting(s -> s.service() + "=" + s.children())
        .containsExactly("SOCIAL_CARE=13", "EARLY_HELP=10");
    assertThat(o.pairs().get(0).both()).isNull();
    assertThat(o.pairs().get(0).jaccard()).isNull();
    assertThat(o.combinations()).hasSize(3).allSatisfy(x -> assertThat(x.children()).isNull());
    // Of social care's 13, 3 knew early help during it: withheld, and so is its share.
    var eh = o.relativeTo().others().get(0);
    assertThat(eh.during()).isNull();
    assertThat(eh.duringShare()).isNull();
    assertThat(eh.before()).isEqualTo(0);
  }

  @Test
  void overlapOfASavedCohortCountsItsMembersOnly() {
    overlapYear();
    try (Driver db = GraphDatabase.driver(TestNeo4j.importBoltUri(), AuthTokens.none())) {
      List<String> members = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        members.add("G2-" + i);
      }
      for (int i = 1; i <= 6; i++) {
        members.add("G5-" + i);
      }
      db.executableQuery("CREATE (:Cohort {id: 'COH-J', memberIds: $m})")
          .withParameters(Map.of("m", members))
          .execute();
    }
    var o =
        overlap.overlap(FROM, TO, List.of("SOCIAL_CARE", "EARLY_HELP", "EDUCATION"), "COH-J", null);
    assertThat(o.cohortId()).isEqualTo("COH-J");
    assertThat(o.children()).isEqualTo(14);
    assertThat(o.services())
        .extracting(s -> s.service() + "=" + s.children())
        .containsExactly("SOCIAL_CARE=14", "EARLY_HELP=14", "EDUCATION=6");
    assertThat(o.combinations())
        .extracting(x -> String.join("+", x.services()) + "=" + x.children())
        .containsExactly("SOCIAL_CARE+EARLY_HELP=8", "SOCIAL_CARE+EARLY_HELP+EDUCATION=6");
    assertThatThrownBy(() -> overlap.overlap(FROM, TO, null, "NO-SUCH", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no saved cohort");
    assertThatThrownBy(
            () -> overlap.overlap(FROM, TO, List.of("SOCIAL_CARE", "BAKERY"), null, null))
        .hasMessageContaining("allowed: [SOCIAL_CARE");
  }

  private static void pathwaysYear() {
    List<Map<String, Object>> c = new ArrayList<>();
    List<List<String>> events = new ArrayList<>();
    // P1: referral then a child protection plan; 12 of 20 came into care on 1 March 2025.
    for (int i = 1; i <= 20; i++) {
      List<List<String>> facts = new ArrayList<>();
      facts.add(List.of("CIN_EPISODE", "SOCIAL_CARE", "2024-03-01", "2024-06-30"));
      facts.add(List.of("CP_PLAN", "SOCIAL_CARE", "2024-07-01", "2025-02-28"));
      facts.add(List.of("SCHOOL_ENROLMENT", "EDUCATION", "2019-09-01", ""));
      if (i <= 12) {
        facts.add(List.of("LAC_EPISODE", "SOCIAL_CARE", "2025-03-01", ""));
      }
      c.add(Map.of("id", "P1-" + i, "facts", facts));
      if (i >= 9 && i <= 15) {
        events.add(List.of("P1-" + i, "PERMANENT_EXCLUSION", "2024-09-01"));
      }
      if (i <= 2) {
        events.add(List.of("P1-" + i, "ARREST", "2024-10-01"));
      }
    }
    // P2: two early help plans in a row (one step); 3 of 30 came into care on 1 June 2025.
    for (int i = 1; i <= 30; i++) {
      List<List<String>> facts = new ArrayList<>();
      facts.add(List.of("EARLY_HELP_PLAN", "EARLY_HELP", "2024-05-01", "2024-10-31"));
      facts.add(List.of("EARLY_HELP_PLAN", "EARLY_HELP", "2024-12-01", "2025-01-31"));
      if (i <= 3) {
        facts.add(List.of("LAC_EPISODE", "SOCIAL_CARE", "2025-06-01", ""));
      }
      c.add(Map.of("id", "P2-" + i, "facts", facts));
    }
    // P3: in care before the period: not at risk.
    group(
        c,
        "P3",
        10,
        f("CIN_EPISODE", "SOCIAL_CARE", "2023-06-01", "2023-12-31"),
        f("LAC_EPISODE", "SOCIAL_CARE", "2024-01-01", ""));
    // P4: school only (not a step); P5: a referral long before any index date (empty window).
    group(c, "P4", 5, f("SCHOOL_ENROLMENT", "EDUCATION", "2019-09-01", ""));
    group(c, "P5", 6, f("CIN_EPISODE", "SOCIAL_CARE", "2021-06-01", "2021-12-31"));
    load(c, events);
  }

  @Test
  void pathwaysSupportOutcomeRateLiftAndIntervals() {
    pathwaysYear();
    var p = pathways.pathways("LAC_EPISODE", FROM, TO, PathwaysService.StepBy.KIND, 20, 20);

    // Population: P1 and P2 (50), 15 with the outcome.
    assertThat(p.children()).isEqualTo(50);
    assertThat(p.withOutcome()).isEqualTo(15);
    assertThat(p.outcomeRate()).isCloseTo(0.3, within(EXACT));
    assertThat(p.outcomeRateLow()).isCloseTo(0.19103553500880951, within(EXACT));
    assertThat(p.outcomeRateHigh()).isCloseTo(0.437503504644534, within(EXACT));

    assertThat(p.pathways())
        .extracting(x -> String.join(">", x.steps()) + " " + x.support() + " " + x.withOutcome())
        .containsExactly(
            "CIN_EPISODE 20 12",
            "CIN_EPISODE>CP_PLAN 20 12",
            "CP_PLAN 20 12",
            // 3 of 30: withheld, with everything built on it.
            "EARLY_HELP_PLAN 30 null");
    var top = p.pathways().get(1);
    assertThat(top.outcomeRate()).isCloseTo(0.6, within(EXACT));
    assertThat(top.outcomeRateLow()).isCloseTo(0.38658150076225317, within(EXACT));
    assertThat(top.outcomeRateHigh()).isCloseTo(0.7811934676271829, within(EXACT));
    assertThat(top.lift()).isCloseTo(2.0, within(EXACT));
    assertThat(top.liftLow()).isCloseTo(1.1488778125918317, within(EXACT));
    assertThat(top.liftHigh()).isCloseTo(3.481658324461961, within(EXACT));
    var withheld = p.pathways().get(3);
    assertThat(withheld.outcomeRate()).isNull();
    assertThat(withheld.lift()).isNull();
    assertThat(withheld.liftLow()).isNull();

    // Support 20 is the minimum: at 21 only early help is left.
    assertThat(
            pathways
                .pathways("LAC_EPISODE", FROM, TO, PathwaysService.StepBy.KIND, 21, 20)
                .pathways())
        .extracting(x -> String.join(">", x.steps()))
        .containsExactly("EARLY_HELP_PLAN");

    // Sankey of the four: each move once with its distinct children; early help's two ends are
    // withheld together (3 and 27 of 30 shown would give the 3 away).
    Map<String, Integer> links = new HashMap<>();
    p.sankey().links().forEach(l -> links.put(l.source() + "->" + l.target(), l.children()));
    assertThat(links)
        .containsEntry("1:CIN_EPISODE->2:CP_PLAN", 20)
        .containsEntry("2:CP_PLAN->OUTCOME", 12)
        .containsEntry("2:CP_PLAN->NO_OUTCOME", 8)
        .containsEntry("1:CIN_EPISODE->OUTCOME", 12)
        .containsEntry("1:CP_PLAN->NO_OUTCOME", 8)
        .containsEntry("1:EARLY_HELP_PLAN->OUTCOME", null)
        .containsEntry("1:EARLY_HELP_PLAN->NO_OUTCOME", null)
        .hasSize(9);
    assertThat(p.sankey().nodes())
        .extracting(n -> n.id() + "@" + n.position() + "=" + n.step())
        .contains("1:CIN_EPISODE@1=CIN_EPISODE", "2:CP_PLAN@2=CP_PLAN", "OUTCOME@3=OUTCOME");

    // By service: social care then care is not a pathway (the outcome is not a step before
    // itself); P1 is one SOCIAL_CARE step.
    var byService =
        pathways.pathways("LAC_EPISODE", FROM, TO, PathwaysService.StepBy.SERVICE, 20, 20);
    assertThat(byService.pathways())
        .extracting(x -> String.join(">", x.steps()) + " " + x.support())
        .containsExactly("SOCIAL_CARE 20", "EARLY_HELP 30");
    assertThatThrownBy(
            () -> pathways.pathways("BAKED", FROM, TO, PathwaysService.StepBy.KIND, 20, 20))
        .hasMessageContaining("allowed: [CIN_EPISODE");
    assertThatThrownBy(
            () -> pathways.pathways("LAC_EPISODE", FROM, TO, PathwaysService.StepBy.KIND, 3, 20))
        .hasMessageContaining("minSupport");
  }

  @Test
  void anEventOutcomeIsReadFromItsIndex() {
    pathwaysYear();
    // Permanent exclusions (1 September 2024) are before the period: no one is at risk and has it.
    var p =
        pathways.pathways(
            "PERMANENT_EXCLUSION",
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 12, 31),
            PathwaysService.StepBy.KIND,
            6,
            20);
    // At risk in 2024 with a step in the window: P1 (20; 7 excluded), P3 (10, referral 2023),
    // P2 (30: early help from May 2024; none excluded); not P5 (referral 2021: empty window).
    assertThat(p.children()).isEqualTo(60);
    assertThat(p.withOutcome()).isEqualTo(7);
  }

  @Test
  void whatFollowedAnEntryPathway() {
    pathwaysYear();
    var r =
        pathways.pathwayOutcomes(
            List.of("CIN_EPISODE", "CP_PLAN"),
            PathwaysService.StepBy.KIND,
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 12, 31),
            12);
    assertThat(r.children()).isEqualTo(20);
    assertThat(r.followedUp()).isEqualTo(20);
    Map<String, PathwaysService.OutcomeShare> by = new HashMap<>();
    r.outcomes().forEach(o -> by.put(o.outcome(), o));
    assertThat(by.get("LAC_EPISODE").children()).isEqualTo(12);
    assertThat(by.get("LAC_EPISODE").rate()).isCloseTo(0.6, within(EXACT));
    assertThat(by.get("LAC_EPISODE").rateLow()).isCloseTo(0.38658150076225317, within(EXACT));
    assertThat(by.get("PERMANENT_EXCLUSION").children()).isEqualTo(7);
    assertThat(by.get("PERMANENT_EXCLUSION").rateHigh())
        .isCloseTo(0.5671457233147638, within(EXACT));
    // 2 arrests: withheld; no later plan (the plan started on the index day is not after it).
    assertThat(by.get("ARREST").children()).isNull();
    assertThat(by.get("ARREST").rate()).isNull();
    assertThat(by.get("CP_PLAN").children()).isEqualTo(0);
    assertThat(by.get("CP_PLAN").rateHigh()).isCloseTo(0.16112515805281938, within(EXACT));
    // Children 16-20 had none of the outcomes: 5, withheld.
    assertThat(r.none().children()).isNull();

    // Within 6 months of 1 July 2024 care (1 March 2025) had not followed yet.
    var soon =
        pathways.pathwayOutcomes(
            List.of("CIN_EPISODE", "CP_PLAN"),
            PathwaysService.StepBy.KIND,
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 12, 31),
            6);
    assertThat(
            soon.outcomes().stream()
                .filter(o -> o.outcome().equals("LAC_EPISODE"))
                .findFirst()
                .orElseThrow()
                .children())
        .isEqualTo(0);
    assertThatThrownBy(
            () ->
                pathways.pathwayOutcomes(
                    List.of("CP_PLAN", "CP_PLAN"), PathwaysService.StepBy.KIND, FROM, TO, 12))
        .hasMessageContaining("collapsed");
  }

  @Test
  void populationQueriesStartFromAnIndex() {
    try (Driver db = GraphDatabase.driver(TestNeo4j.importBoltUri(), AuthTokens.none())) {
      for (String name :
          List.of("queries/journeys/journey-summaries", "queries/journeys/event-dates")) {
        String plan =
            db.executableQuery("EXPLAIN " + CypherFile.load(name))
                .withParameters(Map.of("to", TO, "kinds", List.of("ARREST")))
                .execute()
                .summary()
                .plan()
                .toString();
        assertThat(plan).as(name).doesNotContain("NodeByLabelScan").contains("Index");
      }
    }
  }
}
