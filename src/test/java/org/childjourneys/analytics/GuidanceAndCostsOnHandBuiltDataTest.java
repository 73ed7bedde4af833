package org.childjourneys.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.TestNeo4j;
import org.childjourneys.TestUsers;
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
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Front-door guidance, costs and programme outcomes through the API on a hand-built graph whose
 * answers were worked out by hand (docs/measures.md). Runs on the import tests' database, emptied
 * first. Every source covers up to 31 March 2026, the date the data describes.
 *
 * <p>Guidance (presentations 1 April to 30 September 2024, 12 months): G00-G23 were born in 2012
 * (12 on the day: 10_TO_15) and had an early help plan in 2023; G00-G17 an assessment with factors
 * 3A and 4A in January 2024; G00-G07 a police contact (source 6) on 1 June 2024, G08-G17 a school
 * contact (2A), G18-G23 a police contact (G21's presentation is a referral with no contact; G23's
 * contact led to a referral the same day; G22 had a second contact in July). Outcomes: G00-G08 a
 * further referral on 1 September 2024, G00-G05 a child protection plan, G09-G11 custody, G04-G23 a
 * permanent exclusion. D0-D4 were born in 2017 (5_TO_9) with a police contact and nothing else. E1
 * (contact after the period) and E2 (retired contact) are G-like and never count.
 *
 * <p>Programme (2022, FAMILY_SUPPORT_PROGRAMME on early help plans): P01-P12 started it on 1 May
 * 2022, all born 2012 with a referral and an assessment (3A) in 2021; P13 the same without the
 * assessment; P14 born 2017. Comparison: C01-C12 alike, early help plans on 10 May 2022 without the
 * programme; C13 alike on 1 May 2022 but had the programme in 2023 (never a comparison); C14 born
 * 2017, plan on 1 December 2022 (244 days after P14's). P07-P12 and C01-C12 had a further referral.
 *
 * <p>Costs (1 April 2025 to 31 March 2026): Z1's journey, worked out line by line in {@link
 * #journeyCostIsTheSumOfEachItemAtItsUnitCostAndIsAudited}; Y1-Y7 a child protection plan of 7 days
 * and a referral of 14 days in June 2025, Y1-Y2 an assessment.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "childjourneys.demo.enabled=false",
      "childjourneys.import.directory=target/test-imports",
      "childjourneys.costs.involvement[CP_PLAN].per-week=70",
      "childjourneys.costs.programme.parenting-course.per-episode=500"
    })
@AutoConfigureHttpGraphQlTester
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuidanceAndCostsOnHandBuiltDataTest {

  private static final String GRAPH =
      """
      UNWIND $children AS c
      CREATE (child:Child {id: c.id, givenName: 'Given' + c.id, familyName: 'Family' + c.id,
                           birthDate: date(c.born), restricted: c.restricted})
      CREATE (r:PersonRecord {id: 'T:' + c.id, system: 'T', localId: c.id, personType: 'CHILD'})
      CREATE (r)-[:REFERS_TO {score: 1.0, method: 'NEW_PERSON', status: 'CONFIRMED'}]->(child)
      WITH r, c
      CALL (r, c) {
        UNWIND c.involvements AS f
        CREATE (r)-[:HAD]->(i:Involvement {id: r.id + ':' + f.key, kind: f.kind,
          service: f.service, childId: c.id, start: date(f.start),
          end: CASE WHEN f.end IS NULL THEN null ELSE date(f.end) END, needCodes: f.needCodes,
          referralSource: f.source, programme: f.programme, statutoryKey: f.statutoryKey,
          retiredAt: CASE WHEN f.retired THEN datetime() END})
        WITH i, f
        UNWIND coalesce(f.placements, []) AS p
        CREATE (i)-[:IN_PLACEMENT]->(:Placement {id: i.id + ':' + p.start, placementType: p.type,
          start: date(p.start), end: CASE WHEN p.end IS NULL THEN null ELSE date(p.end) END,
          childId: i.childId})
      }
      CALL (r, c) {
        UNWIND c.events AS e
        CREATE (r)-[:EXPERIENCED]->(:Event {id: r.id + ':' + e.kind + ':' + e.date, kind: e.kind,
          date: date(e.date), childId: c.id})
      }
      CALL (r, c) {
        UNWIND c.contacts AS k
        CREATE (r)-[:SUBJECT_OF]->(contact:Contact {id: r.id + ':K:' + k.date, source: k.source,
          receivedAt: datetime(k.date + 'T10:00:00Z'), childId: c.id,
          retiredAt: CASE WHEN k.retired THEN datetime() END})
        WITH contact, k WHERE k.ledTo IS NOT NULL
        MATCH (led:Involvement {id: r.id + ':' + k.ledTo})
        CREATE (contact)-[:LED_TO]->(led)
      }
      """;

  @DynamicPropertySource
  static void importNeo4j(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> TestNeo4j.importBoltUri().toString());
    registry.add("spring.neo4j.authentication.password", () -> "");
  }

  @Autowired private HttpGraphQlTester anonymousGraphQl;

  private Driver db;

  private HttpGraphQlTester as(String user) {
    return anonymousGraphQl.mutate().header("Authorization", TestUsers.basic(user)).build();
  }

  @BeforeAll
  void handBuiltGraph() {
    db = GraphDatabase.driver(TestNeo4j.importBoltUri(), AuthTokens.none());
    db.executableQuery(
            "MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Service AND NOT n:Need DETACH DELETE n")
        .execute();
    db.executableQuery(
            """
            CREATE (:Dataset {id: 'main', kind: 'SYNTHETIC', status: 'COMPLETE',
                              referenceDate: date('2026-03-31')})
            CREATE (:DataSource {system: 'T', name: 'Test', services: ['SOCIAL_CARE', 'EARLY_HELP'],
                                 coveredFrom: date('2015-01-01'), coveredTo: date('2026-03-31')})
            """)
        .execute();
    List<Map<String, Object>> children = new ArrayList<>();
    children.addAll(guidanceChildren());
    children.addAll(programmeChildren());
    children.addAll(costChildren());
    db.executableQuery(GRAPH).withParameters(Map.of("children", children)).execute();
  }

  @AfterAll
  void close() {
    db.close();
  }

  // ---------------------------------------------------------------- front-door guidance

  private static List<Map<String, Object>> guidanceChildren() {
    List<Map<String, Object>> all = new ArrayList<>();
    for (int n = 0; n < 24; n++) {
      Child g = new Child(String.format("G%02d", n), "2012-01-01");
      g.inv("EARLY_HELP_PLAN", "EARLY_HELP", "2023-06-01", "2023-12-01");
      if (n <= 17) {
        g.inv("ASSESSMENT", "SOCIAL_CARE", "2024-01-10", "2024-02-10")
            .put("needCodes", List.of("3A", "4A"));
      }
      String source = n >= 8 && n <= 17 ? "2A" : "6";
      if (n == 21) {
        g.inv("CIN_EPISODE", "SOCIAL_CARE", "2024-06-01", "2024-07-01").put("source", "6");
      } else if (n == 23) {
        g.inv("CIN_EPISODE", "SOCIAL_CARE", "2024-06-01", "2024-07-01").put("source", "6");
        g.contact("2024-06-01", source).put("ledTo", "CIN_EPISODE:2024-06-01");
      } else {
        g.contact("2024-06-01", source);
      }
      if (n == 22) {
        g.contact("2024-07-01", "6");
      }
      if (n <= 8) {
        g.inv("CIN_EPISODE", "SOCIAL_CARE", "2024-09-01", "2024-10-01");
      }
      if (n <= 5) {
        g.inv("CP_PLAN", "SOCIAL_CARE", "2024-10-01", "2024-12-01");
      }
      if (n >= 9 && n <= 11) {
        g.inv("YOT_CUSTODY", "YOUTH_JUSTICE", "2025-01-01", "2025-03-01");
      }
      if (n >= 4) {
        g.event("PERMANENT_EXCLUSION", "2025-02-01");
      }
      all.add(g.map);
    }
    for (int n = 0; n < 5; n++) {
      Child d = new Child("D" + n, "2017-01-01");
      d.contact("2024-06-01", "6");
      all.add(d.map);
    }
    // E1: contact after the period; E2: retired contact. Both would otherwise match everything.
    for (String id : List.of("E1", "E2")) {
      Child e = new Child(id, "2012-01-01");
      e.inv("EARLY_HELP_PLAN", "EARLY_HELP", "2023-06-01", "2023-12-01");
      e.inv("ASSESSMENT", "SOCIAL_CARE", "2024-01-10", "2024-02-10")
          .put("needCodes", List.of("3A", "4A"));
      e.contact(id.equals("E1") ? "2024-10-01" : "2024-06-01", "6").put("retired", id.equals("E2"));
      e.inv("CIN_EPISODE", "SOCIAL_CARE", "2024-10-05", "2024-11-01");
      all.add(e.map);
    }
    return all;
  }

  private static final String GUIDANCE =
      """
      query($profile: GuidanceProfileInput!, $months: Int) {
        frontDoorGuidance(profile: $profile, from: "2024-04-01", to: "2024-09-30", months: $months) {
          from to months asAt criteriaGiven criteriaUsed criteriaDropped widened children
          enoughChildren note
          outcomes { outcome count rate lower upper }
        }
      }
      """;

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void guidanceWidensInTheDocumentedOrderAndGivesWilsonIntervals() {
    var answer =
        as("front-door")
            .document(GUIDANCE)
            .variable(
                "profile",
                Map.of(
                    "ageBand",
                    "10_TO_15",
                    "referralSource",
                    "6",
                    "needCodes",
                    List.of("3A"),
                    "priorInvolvements",
                    List.of("EARLY_HELP_PLAN")))
            .variable("months", 12)
            .execute()
            .path("frontDoorGuidance");
    Map g = answer.entity(Map.class).get();
    // 8 match everything (G00-G07); without the source 18 (G00-G17); without the need codes 24.
    assertThat(g.get("criteriaGiven"))
        .isEqualTo(List.of("REFERRAL_SOURCE", "NEED_CODES", "PRIOR_INVOLVEMENTS", "AGE_BAND"));
    assertThat(g.get("criteriaDropped")).isEqualTo(List.of("REFERRAL_SOURCE", "NEED_CODES"));
    assertThat(g.get("criteriaUsed")).isEqualTo(List.of("PRIOR_INVOLVEMENTS", "AGE_BAND"));
    assertThat(g.get("widened")).isEqualTo(true);
    assertThat(g.get("children")).isEqualTo(24);
    assertThat(g.get("enoughChildren")).isEqualTo(true);
    assertThat(g.get("asAt")).isEqualTo("2026-03-31");
    assertThat((String) g.get("note")).contains("not a prediction or score for this child");
    Map<String, Map> byOutcome = new HashMap<>();
    for (Map o : (List<Map>) g.get("outcomes")) {
      byOutcome.put((String) o.get("outcome"), o);
    }
    // G00-G08: 9 of 24 (G23's own referral and G21's referral itself are not re-referrals).
    assertRate(byOutcome.get("reReferral"), 9, 0.375, 0.21159367559548778, 0.5729003755732572);
    assertRate(
        byOutcome.get("childProtectionPlan"), 6, 0.25, 0.11999366228595004, 0.44899444005154004);
    assertRate(byOutcome.get("care"), 0, 0.0, 0.0, 0.13797620467498017);
    // 3 in custody: withheld; 20 excluded, 4 not: withheld as the complement is 1-5.
    assertWithheld(byOutcome.get("custody"));
    assertWithheld(byOutcome.get("permanentExclusion"));
    assertRate(byOutcome.get("neet"), 0, 0.0, 0.0, 0.13797620467498017);
    // Everyone had something afterwards (G22 a second contact, G18-G23 an exclusion).
    assertRate(byOutcome.get("noFurtherInvolvement"), 0, 0.0, 0.0, 0.13797620467498017);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void tooFewEvenWithEveryCriterionDroppedAndWindowsNotOverAreSaidSo() {
    // 5 children aged 5-9: too few, so the age band goes too and all 29 followed-up children count.
    Map young =
        as("analyst")
            .document(GUIDANCE)
            .variable("profile", Map.of("ageBand", "5_TO_9"))
            .variable("months", 12)
            .execute()
            .path("frontDoorGuidance")
            .entity(Map.class)
            .get();
    assertThat(young.get("criteriaDropped")).isEqualTo(List.of("AGE_BAND"));
    assertThat(young.get("criteriaUsed")).isEqualTo(List.of());
    assertThat(young.get("children")).isEqualTo(29);
    // No prior involvement: D0-D4 only, 5 children: too few, widened to everyone.
    Map none =
        as("leader")
            .document(GUIDANCE)
            .variable("profile", Map.of("priorInvolvements", List.of("NONE")))
            .variable("months", 12)
            .execute()
            .path("frontDoorGuidance")
            .entity(Map.class)
            .get();
    assertThat(none.get("criteriaDropped")).isEqualTo(List.of("PRIOR_INVOLVEMENTS"));
    // 24-month windows end after 31 March 2026: nobody is followed up.
    Map late =
        as("manager")
            .document(GUIDANCE)
            .variable("profile", Map.of("ageBand", "10_TO_15", "referralSource", "6"))
            .variable("months", 24)
            .execute()
            .path("frontDoorGuidance")
            .entity(Map.class)
            .get();
    assertThat(late.get("children")).isEqualTo(0);
    assertThat(late.get("enoughChildren")).isEqualTo(false);
    assertThat(late.get("criteriaDropped")).isEqualTo(List.of("REFERRAL_SOURCE", "AGE_BAND"));
    assertThat((String) late.get("note")).contains("great caution");
  }

  @Test
  void guidanceArgumentsAreCheckedAndFrontlineAsksNoAggregates() {
    as("front-door")
        .document(GUIDANCE)
        .variable("profile", Map.of("referralSource", "99"))
        .variable("months", 12)
        .execute()
        .errors()
        .expect(
            e -> e.getMessage().contains("profile.referralSource") && e.getMessage().contains("5D"))
        .verify();
    as("front-door")
        .document(GUIDANCE)
        .variable("profile", Map.of("needCodes", List.of("ZZ")))
        .variable("months", 12)
        .execute()
        .errors()
        .expect(e -> e.getMessage().contains("profile.needCodes"))
        .verify();
    as("front-door")
        .document(GUIDANCE)
        .variable("profile", Map.of("priorInvolvements", List.of("GP_REGISTRATION")))
        .variable("months", 12)
        .execute()
        .errors()
        .expect(e -> e.getMessage().contains("profile.priorInvolvements"))
        .verify();
    as("frontline")
        .document(GUIDANCE)
        .variable("profile", Map.of())
        .variable("months", 12)
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
  }

  // ---------------------------------------------------------------- programme outcomes

  private static List<Map<String, Object>> programmeChildren() {
    List<Map<String, Object>> all = new ArrayList<>();
    for (int n = 1; n <= 14; n++) {
      for (String group : List.of("P", "C")) {
        String id = String.format("%s%02d", group, n);
        Child c = new Child(id, n == 14 ? "2017-01-01" : "2012-01-01");
        if (n != 14) {
          c.inv("CIN_EPISODE", "SOCIAL_CARE", "2021-01-01", "2021-03-01");
          if (n != 13 || group.equals("C")) {
            c.inv("ASSESSMENT", "SOCIAL_CARE", "2021-01-05", "2021-02-05")
                .put("needCodes", List.of("3A"));
          }
        }
        String planStart =
            group.equals("P")
                ? "2022-05-01"
                : n == 13 ? "2022-05-01" : n == 14 ? "2022-12-01" : "2022-05-10";
        Map<String, Object> plan = c.inv("EARLY_HELP_PLAN", "EARLY_HELP", planStart, "2022-08-01");
        if (group.equals("P")) {
          plan.put("programme", "Family Support Programme");
        }
        if (id.equals("C13")) {
          c.inv("EARLY_HELP_PLAN", "EARLY_HELP", "2023-01-01", "2023-03-01")
              .put("programme", "FAMILY_SUPPORT_PROGRAMME");
        }
        if ((group.equals("P") && n >= 7 && n <= 12) || (group.equals("C") && n <= 12)) {
          c.inv("CIN_EPISODE", "SOCIAL_CARE", "2022-09-01", "2022-10-01");
        }
        all.add(c.map);
      }
    }
    return all;
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void programmeChildrenAreComparedWithExactlyMatchedChildrenWithoutIt() {
    Map p =
        as("analyst")
            .document(
                """
                { programmeOutcomes(programme: "family-support programme", from: "2022-04-01",
                                    to: "2022-12-31", months: 12) {
                    programme from to months asAt programmeChildren matched comparisonChildren kinds caveat
                    outcomes { outcome difference differenceLower differenceUpper
                      programme { count rate lower upper } comparison { count rate lower upper } } } }
                """)
            .execute()
            .path("programmeOutcomes")
            .entity(Map.class)
            .get();
    assertThat(p.get("programme")).isEqualTo("FAMILY_SUPPORT_PROGRAMME");
    assertThat(p.get("kinds")).isEqualTo(List.of("EARLY_HELP_PLAN"));
    // P01-P14 started it; P13 (no assessment) and P14 (the only comparable child 214 days later)
    // are unmatched; C13 had the programme later and is never a comparison.
    assertThat(p.get("programmeChildren")).isEqualTo(14);
    assertThat(p.get("matched")).isEqualTo(12);
    assertThat(p.get("comparisonChildren")).isEqualTo(12);
    assertThat((String) p.get("caveat")).contains("not random").contains("not the effect");
    Map<String, Map> byOutcome = new HashMap<>();
    for (Map o : (List<Map>) p.get("outcomes")) {
      byOutcome.put((String) o.get("outcome"), o);
    }
    Map reReferral = byOutcome.get("reReferral");
    assertRate((Map) reReferral.get("programme"), 6, 0.5, 0.2537815976337061, 0.7462184023662939);
    assertRate((Map) reReferral.get("comparison"), 12, 1.0, 0.7575059933447592, 1.0);
    assertThat(((Number) reReferral.get("difference")).doubleValue()).isCloseTo(-0.5, within(1e-9));
    assertThat(((Number) reReferral.get("differenceLower")).doubleValue())
        .isCloseTo(-0.7462184023662939, within(1e-6));
    assertThat(((Number) reReferral.get("differenceUpper")).doubleValue())
        .isCloseTo(-0.15441810677131512, within(1e-6));
    Map none = byOutcome.get("noFurtherInvolvement");
    assertRate((Map) none.get("programme"), 6, 0.5, 0.2537815976337061, 0.7462184023662939);
    assertRate((Map) none.get("comparison"), 0, 0.0, 0.0, 0.24249400665524085);
    assertThat(((Number) none.get("differenceLower")).doubleValue())
        .isCloseTo(0.15441810677131507, within(1e-6));
    Map care = byOutcome.get("care");
    assertThat(((Number) care.get("difference")).doubleValue()).isEqualTo(0.0);
    assertThat(((Number) care.get("differenceUpper")).doubleValue())
        .isCloseTo(0.24249400665524085, within(1e-6));
    as("front-door")
        .document(
            "{ programmeOutcomes(programme: \"X\", from: \"2022-01-01\", to: \"2022-12-31\") { matched } }")
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
  }

  @Test
  void aProgrammeNobodyHadComparesNobody() {
    as("leader")
        .document(
            "{ programmeOutcomes(programme: \"NOTHING\", from: \"2022-01-01\", to: \"2022-12-31\") { programmeChildren matched kinds } }")
        .execute()
        .path("programmeOutcomes.matched")
        .entity(Integer.class)
        .isEqualTo(0)
        .path("programmeOutcomes.kinds")
        .entityList(String.class)
        .hasSize(0);
  }

  // ---------------------------------------------------------------- costs

  private static List<Map<String, Object>> costChildren() {
    List<Map<String, Object>> all = new ArrayList<>();
    Child z = new Child("Z1", "2015-01-01");
    z.inv("CIN_EPISODE", "SOCIAL_CARE", "2025-03-01", null).put("statutoryKey", "LA:Z1:CIN");
    // The same referral told by a second source: costed once.
    Map<String, Object> twice = z.inv("CIN_EPISODE", "SOCIAL_CARE", "2025-03-01", null);
    twice.put("statutoryKey", "LA:Z1:CIN");
    twice.put("key", "CIN_EPISODE:again");
    z.inv("ASSESSMENT", "SOCIAL_CARE", "2025-03-10", "2025-04-20");
    z.inv("CP_PLAN", "SOCIAL_CARE", "2025-05-01", "2025-10-30");
    z.inv("CP_PLAN", "SOCIAL_CARE", "2025-05-02", "2025-10-30").put("retired", true);
    z.inv("LAC_EPISODE", "SOCIAL_CARE", "2025-11-01", null)
        .put(
            "placements",
            List.of(
                Map.of("type", "U4", "start", "2025-11-01"),
                Map.of("type", "K2", "start", "2025-12-15")));
    z.inv("EARLY_HELP_PLAN", "EARLY_HELP", "2024-01-01", "2024-06-01")
        .put("programme", "Parenting Course");
    z.inv("EARLY_HELP_PLAN", "EARLY_HELP", "2025-04-05", "2025-04-26")
        .put("programme", "parenting-course");
    z.inv("GP_REGISTRATION", "HEALTH", "2015-02-01", null);
    all.add(z.map);
    for (int n = 1; n <= 7; n++) {
      Child y = new Child("Y" + n, "2015-01-01");
      y.inv("CP_PLAN", "SOCIAL_CARE", "2025-06-01", "2025-06-08");
      y.inv("CIN_EPISODE", "SOCIAL_CARE", "2025-06-01", "2025-06-15");
      if (n <= 2) {
        y.inv("ASSESSMENT", "SOCIAL_CARE", "2025-06-02", "2025-06-20");
      }
      all.add(y.map);
    }
    Child r = new Child("R1", "2015-01-01");
    r.map.put("restricted", true);
    r.inv("CP_PLAN", "SOCIAL_CARE", "2025-06-01", "2025-06-08");
    all.add(r.map);
    return all;
  }

  private static final String JOURNEY_COST =
      """
      query($id: ID!, $purpose: Purpose!) {
        journeyCost(childId: $id, purpose: $purpose, from: "2025-04-01", to: "2026-03-31") {
          childId from to total uncosted withheldServices note
          lines { category code service start end days episodes perWeek perEpisode cost }
        }
      }
      """;

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void journeyCostIsTheSumOfEachItemAtItsUnitCostAndIsAudited() {
    Map j =
        as("frontline")
            .document(JOURNEY_COST)
            .variable("id", "Z1")
            .variable("purpose", "SAFEGUARDING")
            .execute()
            .path("journeyCost")
            .entity(Map.class)
            .get();
    List<Map> lines = (List<Map>) j.get("lines");
    Map<String, Double> cost = new HashMap<>();
    for (Map l : lines) {
      cost.merge(
          l.get("category") + " " + l.get("code"),
          ((Number) l.get("cost")).doubleValue(),
          Double::sum);
    }
    // Referral open all year: 365 days at £55 a week (once, though two sources told of it).
    assertThat(cost.get("INVOLVEMENT CIN_EPISODE")).isCloseTo(55 * 365 / 7.0, within(1e-6));
    // The assessment started before the period: its per-episode cost is not in it.
    assertThat(cost.get("INVOLVEMENT ASSESSMENT")).isEqualTo(0.0);
    // Child protection plan 1 May - 30 October 2025: 182 days at the configured £70 a week.
    assertThat(cost.get("INVOLVEMENT CP_PLAN")).isCloseTo(1820.0, within(1e-6));
    // Period of care from 1 November, open: 151 days at £110 a week; foster care (U4) until the
    // next placement on 15 December, 44 days at £820; children's home (K2) 107 days at £3,830.
    assertThat(cost.get("INVOLVEMENT LAC_EPISODE")).isCloseTo(110 * 151 / 7.0, within(1e-6));
    assertThat(cost.get("PLACEMENT U4")).isCloseTo(820 * 44 / 7.0, within(1e-6));
    assertThat(cost.get("PLACEMENT K2")).isCloseTo(3830 * 107 / 7.0, within(1e-6));
    // Early help plan of 21 days at £110 a week, and the parenting course at the configured £500.
    assertThat(cost.get("INVOLVEMENT EARLY_HELP_PLAN")).isCloseTo(330.0, within(1e-6));
    assertThat(cost.get("PROGRAMME PARENTING_COURSE")).isCloseTo(500.0, within(1e-6));
    assertThat(cost).hasSize(8);
    assertThat(lines).hasSize(8);
    assertThat(((Number) j.get("total")).doubleValue()).isEqualTo(71589.29);
    assertThat(j.get("uncosted")).isEqualTo(List.of());
    assertThat(j.get("withheldServices")).isEqualTo(List.of());
    assertThat((String) j.get("note")).contains("Indicative");
    Map k2 = lines.stream().filter(l -> "K2".equals(l.get("code"))).findFirst().orElseThrow();
    assertThat(k2.get("days")).isEqualTo(107);
    assertThat(k2.get("episodes")).isEqualTo(1);
    assertThat(k2.get("perWeek")).isEqualTo(3830.0);
    assertThat(k2.get("perEpisode")).isEqualTo(0.0);
    assertThat(k2.get("start")).isEqualTo("2025-12-15");
    assertThat(k2.get("end")).isNull();
    assertThat(k2.get("service")).isEqualTo("SOCIAL_CARE");
    assertThat(j.get("childId")).isEqualTo("Z1");
    assertThat(j.get("from")).isEqualTo("2025-04-01");
    assertThat(j.get("to")).isEqualTo("2026-03-31");
    assertThat(audit("Z1", "frontline")).isEqualTo(List.of("SAFEGUARDING true true"));

    // A restricted child answers like a missing one, and both are audited.
    as("front-door")
        .document(JOURNEY_COST)
        .variable("id", "R1")
        .variable("purpose", "REFERRAL_TRIAGE")
        .execute()
        .path("journeyCost")
        .valueIsNull();
    assertThat(audit("R1", "front-door")).isEqualTo(List.of("REFERRAL_TRIAGE false false"));
    as("front-door")
        .document(JOURNEY_COST)
        .variable("id", "NOBODY")
        .variable("purpose", "REFERRAL_TRIAGE")
        .execute()
        .path("journeyCost")
        .valueIsNull();
    assertThat(audit("NOBODY", "front-door")).isEqualTo(List.of("REFERRAL_TRIAGE true false"));
    // Analysts read no child's record.
    as("analyst")
        .document(JOURNEY_COST)
        .variable("id", "Z1")
        .variable("purpose", "ANALYSIS")
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
  }

  private List<String> audit(String childId, String actor) {
    return db
        .executableQuery(
            """
            MATCH (a:AuditEntry {childId: $id, actor: $actor, what: 'journey cost', action: 'READ'})
            RETURN a.purpose + ' ' + toString(a.allowed) + ' ' + toString(a.found) AS entry
            """)
        .withParameters(Map.of("id", childId, "actor", actor))
        .execute()
        .records()
        .stream()
        .map(r -> r.get("entry").asString())
        .toList();
  }

  private static final String COHORT_COST =
      """
      query($cohortId: ID, $filter: CostFilterInput) {
        cohortCost(cohortId: $cohortId, filter: $filter, from: "2025-04-01", to: "2026-03-31") {
          from to children total perChild note groups { category code children cost }
        }
      }
      """;

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void cohortCostsAreSuppressedForFewChildrenAndTheirPartner() {
    db.executableQuery(
            "CREATE (:Cohort {id: 'COST-Y', name: 'Y', memberIds: ['Y1','Y2','Y3','Y4','Y5','Y6','Y7'], memberCount: 7})")
        .execute();
    Map y =
        as("analyst")
            .document(COHORT_COST)
            .variable("cohortId", "COST-Y")
            .execute()
            .path("cohortCost")
            .entity(Map.class)
            .get();
    assertThat(y.get("children")).isEqualTo(7);
    // 7 x (14 days at £55 + 7 days at £70) + 2 assessments at £550.
    assertThat(((Number) y.get("total")).doubleValue()).isEqualTo(2360.0);
    assertThat(((Number) y.get("perChild")).doubleValue()).isEqualTo(337.14);
    Map<String, Map> groups = new HashMap<>();
    for (Map g : (List<Map>) y.get("groups")) {
      groups.put(g.get("category") + " " + g.get("code"), g);
    }
    assertThat(groups).hasSize(3);
    // Assessments: 2 children, withheld; so the smallest other cost (the plans, £490) goes too.
    assertThat(groups.get("INVOLVEMENT ASSESSMENT").get("children")).isNull();
    assertThat(groups.get("INVOLVEMENT ASSESSMENT").get("cost")).isNull();
    assertThat(groups.get("INVOLVEMENT CP_PLAN").get("children")).isEqualTo(7);
    assertThat(groups.get("INVOLVEMENT CP_PLAN").get("cost")).isNull();
    assertThat(((Number) groups.get("INVOLVEMENT CIN_EPISODE").get("cost")).doubleValue())
        .isEqualTo(770.0);

    // By filter: children with a child protection plan open in the year: Z1, Y1-Y7 and R1.
    Map plans =
        as("manager")
            .document(COHORT_COST)
            .variable("filter", Map.of("kinds", List.of("CP_PLAN")))
            .execute()
            .path("cohortCost")
            .entity(Map.class)
            .get();
    assertThat(plans.get("children")).isEqualTo(9);
    assertThat(((Number) plans.get("total")).doubleValue())
        .isCloseTo(71589.2857142857 + 2360.0 + 70.0, within(0.01));
    for (Map g : (List<Map>) plans.get("groups")) {
      if (g.get("code").equals("CP_PLAN")) {
        assertThat(((Number) g.get("cost")).doubleValue()).isCloseTo(1820 + 490 + 70, within(1e-6));
      }
    }
    as("analyst")
        .document(COHORT_COST)
        .variable("cohortId", "COST-Y")
        .variable("filter", Map.of("kinds", List.of("CP_PLAN")))
        .execute()
        .errors()
        .expect(e -> e.getMessage().contains("cohortId"))
        .verify();
    as("frontline")
        .document(COHORT_COST)
        .variable("cohortId", "COST-Y")
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
  }

  @Test
  void thePopulationQueriesStartFromIndexes() {
    Map<String, Object> params = new HashMap<>();
    params.put("from", java.time.LocalDate.of(2024, 4, 1));
    params.put("to", java.time.LocalDate.of(2024, 9, 30));
    params.put("months", 12);
    params.put("asAt", java.time.LocalDate.of(2026, 3, 31));
    params.put("kinds", FollowUpOutcomes.PRIOR_KINDS);
    params.put("carriers", List.of("EARLY_HELP_PLAN"));
    params.put("programme", "FAMILY_SUPPORT_PROGRAMME");
    params.put("services", org.childjourneys.dataset.ServiceDomains.CODES);
    for (String query :
        List.of(
            "queries/guidance/front-door-guidance",
            "queries/programmes/programme-kinds",
            "queries/programmes/programme-outcomes")) {
      String plan =
          db.executableQuery("EXPLAIN " + org.childjourneys.neo4j.CypherFile.load(query))
              .withParameters(params)
              .execute()
              .summary()
              .plan()
              .toString();
      assertThat(plan).as(query).doesNotContain("NodeByLabelScan").contains("NodeIndexSeek");
    }
  }

  private static void assertRate(Map o, int count, double rate, double lower, double upper) {
    assertThat(o.get("count")).as("count").isEqualTo(count);
    assertThat(((Number) o.get("rate")).doubleValue()).as("rate").isCloseTo(rate, within(1e-9));
    assertThat(((Number) o.get("lower")).doubleValue()).as("lower").isCloseTo(lower, within(1e-6));
    assertThat(((Number) o.get("upper")).doubleValue()).as("upper").isCloseTo(upper, within(1e-6));
  }

  private static void assertWithheld(Map o) {
    assertThat(o.get("count")).isNull();
    assertThat(o.get("rate")).isNull();
    assertThat(o.get("lower")).isNull();
    assertThat(o.get("upper")).isNull();
  }

  /** A hand-built child: involvements, contacts and events as the GRAPH statement reads them. */
  private static final class Child {
    final Map<String, Object> map = new HashMap<>();

    Child(String id, String born) {
      map.put("id", id);
      map.put("born", born);
      map.put("restricted", false);
      map.put("involvements", new ArrayList<Map<String, Object>>());
      map.put("contacts", new ArrayList<Map<String, Object>>());
      map.put("events", new ArrayList<Map<String, Object>>());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> inv(String kind, String service, String start, String end) {
      Map<String, Object> i = new HashMap<>();
      i.put("key", kind + ":" + start);
      i.put("kind", kind);
      i.put("service", service);
      i.put("start", start);
      i.put("end", end);
      ((List<Map<String, Object>>) map.get("involvements")).add(i);
      return i;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> contact(String date, String source) {
      Map<String, Object> k = new HashMap<>();
      k.put("date", date);
      k.put("source", source);
      k.put("retired", false);
      ((List<Map<String, Object>>) map.get("contacts")).add(k);
      return k;
    }

    @SuppressWarnings("unchecked")
    void event(String kind, String date) {
      ((List<Map<String, Object>>) map.get("events")).add(Map.of("kind", kind, "date", date));
    }
  }
}
