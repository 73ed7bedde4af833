package org.childjourneys.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every measure on a hand-built year (1 April 2025 to 31 March 2026) whose answers were worked out
 * by hand, each child an edge case of the DfE definitions (docs/measures.md). Runs on the import
 * tests' database, emptied first.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "childjourneys.demo.enabled=false",
      "childjourneys.import.directory=target/test-imports"
    })
class MeasuresOnHandBuiltDataTest {

  private static final String YEAR =
      """
      UNWIND $children AS c
      MERGE (child:Child {id: c.id})
      SET child.birthDate = CASE WHEN c.born IS NULL THEN null ELSE date(c.born) END
      MERGE (r:PersonRecord {id: 'M:' + c.id})
      MERGE (r)-[:REFERS_TO]->(child)
      WITH r, c
      UNWIND c.facts AS f
      CREATE (i:Involvement {id: 'M:' + randomUUID(), kind: f.kind, childId: c.id,
                             start: date(f.start), end: CASE WHEN f.end IS NULL THEN null ELSE date(f.end) END,
                             numberOfPreviousPlans: f.previous, shortBreaksOnly: f.shortBreaks,
                             retiredAt: CASE WHEN f.retired THEN datetime() END})
      CREATE (r)-[:HAD]->(i)
      WITH i, f
      UNWIND coalesce(f.placements, []) AS p
      CREATE (i)-[:IN_PLACEMENT]->(:Placement {id: i.id + ':' + p.start, start: date(p.start),
          end: CASE WHEN p.end IS NULL THEN null ELSE date(p.end) END, placementType: p.type,
          countsAsPlacement: coalesce(p.counts, true), childId: i.childId})
      """;

  @DynamicPropertySource
  static void importNeo4j(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> TestNeo4j.importBoltUri().toString());
    registry.add("spring.neo4j.authentication.password", () -> "");
  }

  @Autowired MeasuresService measures;

  @BeforeEach
  void handBuiltYear() {
    try (var db =
        org.neo4j.driver.GraphDatabase.driver(
            TestNeo4j.importBoltUri(), org.neo4j.driver.AuthTokens.none())) {
      load(db);
    }
  }

  private static void load(org.neo4j.driver.Driver db) {
    db.executableQuery(
            "MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Service AND NOT n:Need DETACH DELETE n")
        .execute();
    db.executableQuery(YEAR)
        .withParameters(
            Map.of(
                "children",
                java.util.List.of(
                    // Referrals. K1: previous referral 11 months before: a re-referral.
                    child(
                        "K1",
                        cin("2024-06-01"),
                        cin("2025-05-01"),
                        cp("2023-01-01", "2023-06-01", 0),
                        cp("2025-05-01", null, 0)),
                    // K2: previous referral 12 months and a day before: not a re-referral.
                    // Its plan says one previous plan the graph does not hold: second or later.
                    child("K2", cin("2024-04-30"), cin("2025-05-01"), cp("2025-06-01", null, 1)),
                    // K3: first day of the year, then a re-referral; a first plan.
                    child("K3", cin("2025-04-01"), cin("2025-09-01"), cp("2025-07-01", null, 0)),
                    // K4: referrals the day before and the day after the year: neither counts.
                    child("K4", cin("2025-03-31"), cin("2026-04-01")),
                    // K5: one referral told by two sources (two records' facts): counted once.
                    child("K5", cin("2025-10-10"), cin("2025-10-10")),
                    // K6: a retired referral does not count.
                    child(
                        "K6",
                        Map.of("kind", "CIN_EPISODE", "start", "2025-06-01", "retired", true)),
                    // K7: previous plan ended 2 years and a day before the new one: second or
                    // later, not within 2 years.
                    child("K7", cp("2021-01-01", "2023-04-30", 0), cp("2025-05-01", null, 0)),
                    // Plans ended in the year: exactly 2 years (counts), 2 years less a day (no),
                    // the whole year (no; and a first plan started in the year).
                    child("K8", cp("2023-05-01", "2025-05-01", 0)),
                    child("K9", cp("2023-05-02", "2025-05-01", 0)),
                    child("K10", cp("2025-04-01", "2026-03-31", 0)),
                    // Looked after on 31 March with placements in the year: 3 (counts).
                    child(
                        "L1",
                        lac(
                            "2025-01-01",
                            null,
                            false,
                            pl("2025-01-01", "2025-05-01", true),
                            pl("2025-05-01", "2025-09-01", true),
                            pl("2025-09-01", null, true))),
                    // One placement ended the day before the year, one temporary: 2 (no).
                    child(
                        "L2",
                        lac(
                            "2024-01-01",
                            null,
                            false,
                            pl("2024-01-01", "2025-03-31", true),
                            pl("2025-03-31", "2025-10-01", true),
                            pl("2025-10-01", "2025-10-05", false),
                            pl("2025-12-01", null, true))),
                    // Ceased on 31 March: not looked after on 31 March.
                    child(
                        "L3",
                        lac(
                            "2025-04-10",
                            "2026-03-31",
                            false,
                            pl("2025-04-10", "2025-06-01", true),
                            pl("2025-06-01", "2025-08-01", true),
                            pl("2025-08-01", "2026-03-31", true))),
                    // Short breaks only: left out.
                    child("L4", lac("2025-04-10", null, true, pl("2025-04-10", null, true))),
                    // Four placements (counts).
                    child(
                        "L5",
                        lac(
                            "2025-05-01",
                            null,
                            false,
                            pl("2025-05-01", "2025-06-01", true),
                            pl("2025-06-01", "2025-07-01", true),
                            pl("2025-07-01", "2025-08-01", true),
                            pl("2025-08-01", null, true))),
                    // Long-term stability. S1: 3 years in care, same placement 2 years and a month.
                    born(
                        "S1",
                        "2015-01-01",
                        lac(
                            "2023-01-01",
                            null,
                            false,
                            pl("2023-01-01", "2024-03-01", true),
                            pl("2024-03-01", null, true))),
                    // S2: in care exactly 2.5 years (counts in the denominator); placement 2 years
                    // less a day (not stable).
                    born(
                        "S2",
                        "2015-01-01",
                        lac(
                            "2023-09-30",
                            null,
                            false,
                            pl("2023-09-30", "2024-04-01", true),
                            pl("2024-04-01", null, true))),
                    // S3: 16 on 31 March: left out.
                    born(
                        "S3",
                        "2010-03-31",
                        lac("2020-01-01", null, false, pl("2020-01-01", null, true))),
                    // S4: placed for adoption 10 months ago after 3.5 years with the same carers.
                    born(
                        "S4",
                        "2012-05-05",
                        lac(
                            "2022-01-01",
                            null,
                            false,
                            pl("2022-01-01", "2025-06-01", true),
                            plType("2025-06-01", null, "A5"))),
                    // S5: in care 2.5 years less a day: left out.
                    born(
                        "S5",
                        "2014-01-01",
                        lac("2023-10-01", null, false, pl("2023-10-01", null, true))))))
        .execute();
  }

  @Test
  void everyMeasureMatchesTheHandWorkedAnswer() {
    Map<String, String> counts =
        measures.counts(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)).stream()
            .collect(
                Collectors.toMap(
                    MeasuresService.Count::code, c -> c.numerator() + "/" + c.denominator()));
    assertThat(counts).hasSize(13); // the care leavers' other measures are 0/0 here too
    assertThat(counts)
        .containsAllEntriesOf(
            Map.of(
                "RE_REFERRALS_12_MONTHS", "2/5",
                "REPEAT_CP_PLANS", "3/5",
                "REPEAT_CP_PLANS_WITHIN_2_YEARS", "1/5",
                "CP_PLANS_LASTING_2_YEARS", "1/3",
                "LOOKED_AFTER_3_OR_MORE_PLACEMENTS", "2/8",
                "LONG_TERM_PLACEMENT_STABILITY", "2/3",
                "NEET_OR_NOT_KNOWN_16_17", "0/0",
                "CARE_LEAVERS_19_21_IN_TOUCH", "0/0"));
  }

  @Autowired FrontDoorFeedbackService feedback;

  private static final String CONTACTS =
      """
      CREATE (f1:Child {id: 'F1'})<-[:REFERS_TO]-(r1:PersonRecord {id: 'M:F1'})
      CREATE (r1)-[:SUBJECT_OF]->(:Contact {id: 'K-F1a', receivedAt: datetime('2025-01-10T10:00Z'), decision: 'NO_FURTHER_ACTION', team: 'T1', childId: 'F1'})
      CREATE (r1)-[:SUBJECT_OF]->(:Contact {id: 'K-F1b', receivedAt: datetime('2025-03-01T10:00Z'), decision: 'NO_FURTHER_ACTION', team: 'T1', childId: 'F1'})
      CREATE (r1)-[:HAD]->(:Involvement {id: 'I-F1-R', kind: 'CIN_EPISODE', start: date('2025-06-15'), childId: 'F1'})
      CREATE (r1)-[:HAD]->(:Involvement {id: 'I-F1-CP', kind: 'CP_PLAN', start: date('2025-12-01'), childId: 'F1'})
      CREATE (f2:Child {id: 'F2'})<-[:REFERS_TO]-(r2:PersonRecord {id: 'M:F2'})
      CREATE (r2)-[:SUBJECT_OF]->(k2:Contact {id: 'K-F2', receivedAt: datetime('2025-01-20T10:00Z'), decision: 'REFERRAL', team: 'T1', childId: 'F2'})
      CREATE (r2)-[:HAD]->(i2:Involvement {id: 'I-F2-R', kind: 'CIN_EPISODE', start: date('2025-01-21'), childId: 'F2'})
      CREATE (k2)-[:LED_TO]->(i2)
      CREATE (f3:Child {id: 'F3'})<-[:REFERS_TO]-(r3:PersonRecord {id: 'M:F3'})
      CREATE (r3)-[:SUBJECT_OF]->(:Contact {id: 'K-F3', receivedAt: datetime('2025-10-01T10:00Z'), decision: 'NO_FURTHER_ACTION', team: 'T2', childId: 'F3'})
      CREATE (r3)-[:HAD]->(:Involvement {id: 'I-F3-C', kind: 'LAC_EPISODE', start: date('2025-11-15'), childId: 'F3'})
      """;

  @Test
  void frontDoorFeedbackCountsOnlyCompleteWindows() {
    try (var db =
        org.neo4j.driver.GraphDatabase.driver(
            TestNeo4j.importBoltUri(), org.neo4j.driver.AuthTokens.none())) {
      db.executableQuery(CONTACTS).execute();
    }
    var byDecision =
        feedback.tallies(
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 12, 31),
            LocalDate.of(2026, 3, 31),
            java.util.EnumSet.of(FrontDoorFeedbackService.Dimension.DECISION));
    // [followed up, re-contacted, referred, CP plan, care, stepped up] per window of 3, 6, 12
    // months
    var nfa = byDecision.get(java.util.Arrays.asList("NO_FURTHER_ACTION", null, null));
    assertThat(nfa.items).isEqualTo(3);
    assertThat(nfa.windows[0]).containsExactly(3, 1, 0, 0, 1, 1);
    assertThat(nfa.windows[1]).containsExactly(2, 1, 2, 0, 0, 2);
    assertThat(nfa.windows[2]).containsExactly(2, 1, 2, 2, 0, 2);
    var referral = byDecision.get(java.util.Arrays.asList("REFERRAL", null, null));
    assertThat(referral.items).isEqualTo(1);
    for (long[] w : referral.windows) {
      assertThat(w).containsExactly(1, 0, 0, 0, 0, 0); // its own referral is not "what followed"
    }
    var byTeamAndMonth =
        feedback.tallies(
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 12, 31),
            LocalDate.of(2026, 3, 31),
            java.util.EnumSet.of(
                FrontDoorFeedbackService.Dimension.TEAM, FrontDoorFeedbackService.Dimension.MONTH));
    assertThat(byTeamAndMonth.keySet())
        .containsExactlyInAnyOrder(
            java.util.Arrays.asList(null, "T1", "2025-01"),
            java.util.Arrays.asList(null, "T1", "2025-03"),
            java.util.Arrays.asList(null, "T2", "2025-10"));
    assertThat(byTeamAndMonth.get(java.util.Arrays.asList(null, "T1", "2025-01")).items)
        .isEqualTo(2);
  }

  @Autowired OnwardJourneysService journeys;

  private static final String CLOSURES =
      """
      CREATE (j1:Child {id: 'J1'})<-[:REFERS_TO]-(r1:PersonRecord {id: 'M:J1'})
      CREATE (r1)-[:HAD]->(:Involvement {id: 'J1-EH', kind: 'EARLY_HELP_PLAN', start: date('2024-01-01'), end: date('2024-06-30'), closureReason: 'NEEDS_MET', teamId: 'T1', childId: 'J1'})
      CREATE (r1)-[:HAD]->(:Involvement {id: 'J1-R', kind: 'CIN_EPISODE', start: date('2024-08-15'), childId: 'J1'})
      CREATE (r1)-[:HAD]->(:Involvement {id: 'J1-CP', kind: 'CP_PLAN', start: date('2025-01-10'), childId: 'J1'})
      CREATE (r1)-[:EXPERIENCED]->(:Event {id: 'J1-S', kind: 'SUSPENSION', date: date('2024-07-05'), childId: 'J1'})
      CREATE (j2:Child {id: 'J2'})<-[:REFERS_TO]-(r2:PersonRecord {id: 'M:J2'})
      CREATE (r2)-[:HAD]->(:Involvement {id: 'J2-EH', kind: 'EARLY_HELP_PLAN', start: date('2024-02-01'), end: date('2024-05-31'), closureReason: 'NEEDS_MET', teamId: 'T1', childId: 'J2'})
      CREATE (j3:Child {id: 'J3'})<-[:REFERS_TO]-(r3:PersonRecord {id: 'M:J3'})
      CREATE (r3)-[:HAD]->(:Involvement {id: 'J3-EH', kind: 'EARLY_HELP_PLAN', start: date('2025-01-01'), end: date('2025-11-30'), closureReason: 'DISENGAGED', teamId: 'T2', childId: 'J3'})
      CREATE (r3)-[:SUBJECT_OF]->(:Contact {id: 'J3-K', receivedAt: datetime('2026-01-10T09:00Z'), childId: 'J3'})
      CREATE (j4:Child {id: 'J4'})<-[:REFERS_TO]-(r4:PersonRecord {id: 'M:J4'})
      CREATE (r4)-[:HAD]->(:Involvement {id: 'J4-EH', kind: 'EARLY_HELP_PLAN', start: date('2023-01-01'), end: date('2023-12-31'), childId: 'J4'})
      CREATE (r4)-[:HAD]->(:Involvement {id: 'J4-CIN', kind: 'CIN_EPISODE', start: date('2024-05-01'), end: date('2024-09-01'), childId: 'J4'})
      """;

  @Test
  void onwardJourneysExcludeWindowsNotYetOver() {
    try (var db =
        org.neo4j.driver.GraphDatabase.driver(
            TestNeo4j.importBoltUri(), org.neo4j.driver.AuthTokens.none())) {
      db.executableQuery(CLOSURES).execute();
    }
    var all =
        journeys
            .tallies(
                "EARLY_HELP_PLAN",
                LocalDate.of(2024, 4, 1),
                LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 3, 31),
                java.util.EnumSet.noneOf(OnwardJourneysService.Dimension.class))
            .get(java.util.Arrays.asList(null, null));
    assertThat(all.items).isEqualTo(3);
    // [followed up, referral, early help, CP plan, care, custody, NEET, exclusion, none]
    assertThat(all.windows[0]).containsExactly(3, 1, 0, 0, 0, 0, 0, 1, 1);
    assertThat(all.windows[1]).containsExactly(2, 1, 0, 0, 0, 0, 0, 1, 1);
    assertThat(all.windows[2]).containsExactly(2, 1, 0, 1, 0, 0, 0, 1, 1);
    assertThat(all.windows[3]).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0);
    var byReason =
        journeys.tallies(
            "EARLY_HELP_PLAN",
            LocalDate.of(2024, 4, 1),
            LocalDate.of(2025, 12, 31),
            LocalDate.of(2026, 3, 31),
            java.util.EnumSet.of(OnwardJourneysService.Dimension.CLOSURE_REASON));
    assertThat(byReason.get(java.util.Arrays.asList(null, "NEEDS_MET")).items).isEqualTo(2);
    assertThat(byReason.get(java.util.Arrays.asList(null, "DISENGAGED")).items).isEqualTo(1);
    assertThat(byReason.get(java.util.Arrays.asList(null, "DISENGAGED")).windows[1][0])
        .as("6 months after 30 November 2025 is not over on 31 March 2026")
        .isZero();
  }

  @Test
  void smallNumbersAreWithheldFromEveryone() {
    assertThat(measures.measures(2026))
        .allSatisfy(
            m -> {
              // every count here is 1-8: each numerator is small or reveals a small complement
              assertThat(m.numerator() == null || m.numerator() == 0).isTrue();
              assertThat(m.rate() == null || m.rate() == 0).isTrue();
              assertThat(m.from()).isEqualTo(LocalDate.of(2025, 4, 1));
            });
  }

  private static Map<String, Object> child(String id, Map<?, ?>... facts) {
    return Map.of("id", id, "facts", java.util.List.of(facts));
  }

  private static Map<String, Object> born(String id, String birthDate, Map<?, ?>... facts) {
    return Map.of("id", id, "born", birthDate, "facts", java.util.List.of(facts));
  }

  private static Map<String, Object> plType(String start, String end, String type) {
    Map<String, Object> p = pl(start, end, true);
    p.put("type", type);
    return p;
  }

  private static Map<String, Object> cin(String start) {
    return Map.of("kind", "CIN_EPISODE", "start", start, "retired", false);
  }

  private static Map<String, Object> cp(String start, String end, int previous) {
    Map<String, Object> f = new java.util.HashMap<>();
    f.put("kind", "CP_PLAN");
    f.put("start", start);
    f.put("end", end);
    f.put("previous", previous);
    f.put("retired", false);
    return f;
  }

  private static Map<String, Object> lac(
      String start, String end, boolean shortBreaks, Map<?, ?>... placements) {
    Map<String, Object> f = new java.util.HashMap<>();
    f.put("kind", "LAC_EPISODE");
    f.put("start", start);
    f.put("end", end);
    f.put("shortBreaks", shortBreaks);
    f.put("retired", false);
    f.put("placements", java.util.List.of(placements));
    return f;
  }

  private static Map<String, Object> pl(String start, String end, boolean counts) {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("start", start);
    p.put("end", end);
    p.put("counts", counts);
    p.put("type", "U4");
    return p;
  }
}
