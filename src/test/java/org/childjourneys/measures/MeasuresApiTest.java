package org.childjourneys.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The measures over GraphQL on the synthetic authority: who may ask, and what they see. */
class MeasuresApiTest extends IntegrationTest {

  @Test
  @SuppressWarnings("rawtypes")
  void managersSeeEveryMeasureWithSmallNumbersWithheld() {
    List<Map> measures =
        as("manager")
            .document("{ measures(year: 2026) { code name from to numerator denominator rate } }")
            .execute()
            .path("measures")
            .entityList(Map.class)
            .get();
    assertThat(measures)
        .extracting(m -> m.get("code"))
        .containsExactly(
            "RE_REFERRALS_12_MONTHS",
            "REPEAT_CP_PLANS",
            "REPEAT_CP_PLANS_WITHIN_2_YEARS",
            "CP_PLANS_LASTING_2_YEARS",
            "LOOKED_AFTER_3_OR_MORE_PLACEMENTS",
            "LONG_TERM_PLACEMENT_STABILITY",
            "NEET_OR_NOT_KNOWN_16_17",
            "CARE_LEAVERS_17_18_IN_TOUCH",
            "CARE_LEAVERS_17_18_IN_EDUCATION_EMPLOYMENT_TRAINING",
            "CARE_LEAVERS_17_18_SUITABLE_ACCOMMODATION",
            "CARE_LEAVERS_19_21_IN_TOUCH",
            "CARE_LEAVERS_19_21_IN_EDUCATION_EMPLOYMENT_TRAINING",
            "CARE_LEAVERS_19_21_SUITABLE_ACCOMMODATION");
    for (Map m : measures) {
      assertThat(m.get("from")).isEqualTo("2025-04-01");
      Integer num = (Integer) m.get("numerator");
      Integer den = (Integer) m.get("denominator");
      if (num != null) {
        assertThat(num == 0 || num > 5).as("numerator %s shown", num).isTrue();
      }
      if (den != null) {
        assertThat(den == 0 || den > 5).as("denominator %s shown", den).isTrue();
      }
      if (num != null && den != null) {
        int others = den - num;
        assertThat(others == 0 || others > 5).as("complement %s shown", others).isTrue();
        if (den == 0) {
          assertThat(m.get("rate")).isNull();
        } else {
          assertThat(((Number) m.get("rate")).doubleValue()).isEqualTo((double) num / den);
        }
      } else {
        assertThat(m.get("rate")).isNull();
      }
    }
    // The synthetic authority has enough referrals for this one to be shown.
    assertThat(measures.get(0).get("denominator")).isNotNull();
  }

  @Test
  void frontDoorStaffAskNoAggregatesAndTheYearIsChecked() {
    as("front-door")
        .document("{ measures(year: 2026) { code } }")
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
    as("leader")
        .document("{ measures(year: 1999) { code } }")
        .execute()
        .errors()
        .expect(e -> e.getMessage().startsWith("year:"))
        .verify();
  }

  @Test
  @SuppressWarnings("rawtypes")
  void frontDoorFeedbackByDecisionWithholdsSmallNumbers() {
    var response =
        as("front-door")
            .document(
                """
                { frontDoorFeedback(from: "2025-04-01", to: "2025-09-30", by: [DECISION]) {
                    from to asAt
                    rows { decision team month contacts
                           windows { months followedUp reContacted referred childProtectionPlan care steppedUp } } } }
                """)
            .execute();
    List<Map> rows = response.path("frontDoorFeedback.rows").entityList(Map.class).get();
    assertThat(rows).isNotEmpty();
    assertThat(rows).allSatisfy(r -> assertThat(r.get("team")).isNull());
    assertThat(rows).extracting(r -> r.get("decision")).doesNotHaveDuplicates();
    for (Map r : rows) {
      Integer contacts = (Integer) r.get("contacts");
      assertThat(contacts == null || contacts == 0 || contacts > 5).isTrue();
      for (Object o : (List<?>) r.get("windows")) {
        Map w = (Map) o;
        Integer n = (Integer) w.get("followedUp");
        for (String outcome :
            List.of("reContacted", "referred", "childProtectionPlan", "care", "steppedUp")) {
          Integer x = (Integer) w.get(outcome);
          if (x != null) {
            assertThat(n).isNotNull();
            assertThat(x == 0 || (x > 5 && (n - x == 0 || n - x > 5))).as(outcome).isTrue();
          }
        }
      }
    }
    as("front-door")
        .document("{ frontDoorFeedback(from: \"2025-09-30\", to: \"2025-04-01\") { asAt } }")
        .execute()
        .errors()
        .expect(e -> e.getMessage().startsWith("to:"))
        .verify();
  }

  @Test
  @SuppressWarnings("rawtypes")
  void placementStabilityByPlacementTypeWithholdsSmallGroups() {
    var response =
        as("analyst")
            .document(
                """
                { placementStability(year: 2026, by: [PLACEMENT_TYPE]) {
                    from to startedSince
                    rows { ageBand categoryOfNeed uasc placementType provider
                           children placements moves movesPerChild
                           firstMove { started ended medianDays curve { months share } }
                           duration { started ended medianDays curve { months share } } } } }
                """)
            .execute();
    response.path("placementStability.startedSince").entity(String.class).isEqualTo("2023-04-01");
    List<Map> rows = response.path("placementStability.rows").entityList(Map.class).get();
    assertThat(rows).isNotEmpty();
    assertThat(rows).extracting(r -> r.get("placementType")).doesNotHaveDuplicates();
    assertThat(rows).allSatisfy(r -> assertThat(r.get("provider")).isNull());
    for (Map r : rows) {
      for (String count : List.of("children", "placements", "moves")) {
        Integer x = (Integer) r.get(count);
        assertThat(x == null || x == 0 || x > 5).as(count).isTrue();
      }
      Map duration = (Map) r.get("duration");
      List<?> curve = (List<?>) duration.get("curve");
      assertThat(curve).hasSize(5);
      if (duration.get("started") == null || duration.get("ended") == null) {
        assertThat(curve).allSatisfy(p -> assertThat(((Map) p).get("share")).isNull());
      } else {
        Double previous = 1.0;
        for (Object p : curve) {
          Double share = (Double) ((Map) p).get("share");
          if (share != null) {
            assertThat(share).isBetween(0.0, previous);
            previous = share;
          }
        }
      }
    }
    List<Map> all =
        as("analyst")
            .document(
                "{ placementStability(year: 2026) { rows { placementType children placements"
                    + " duration { started curve { months share } } } } }")
            .execute()
            .path("placementStability.rows")
            .entityList(Map.class)
            .get();
    // The 400-child authority has few children in care: groups by type are mostly withheld, and
    // all together is one row whose duration curve falls.
    assertThat(all).hasSize(1);
    assertThat(all.get(0).get("placementType")).isNull();
    Map duration = (Map) all.get(0).get("duration");
    assertThat((Integer) duration.get("started")).isGreaterThan(5);
    List<Double> shares =
        ((List<?>) duration.get("curve"))
            .stream().map(p -> (Double) ((Map) p).get("share")).filter(x -> x != null).toList();
    assertThat(shares).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
    as("front-door")
        .document("{ placementStability(year: 2026) { from } }")
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
  }

  @Test
  @SuppressWarnings("rawtypes")
  void repeatContactsAreCountedForAllAndNamedOnlyForRecordReadersWithAudit() {
    String query =
        """
        query($purpose: Purpose) { repeatContacts(purpose: $purpose, to: "2026-03-31", months: 24, atLeast: 3, first: 5) {
            from to atLeast children
            list { childId givenName familyName birthDate contacts first last decisions } } }
        """;
    var frontDoor =
        as("front-door").document(query).variable("purpose", "REFERRAL_TRIAGE").execute();
    List<Map> list = frontDoor.path("repeatContacts.list").entityList(Map.class).get();
    // Independent count: children with 3+ contacts received in the two years.
    long expected =
        org.childjourneys.TestNeo4j.driver()
            .executableQuery(
                """
                MATCH (k:Contact) WHERE date(k.receivedAt) >= date('2024-04-01')
                  AND date(k.receivedAt) <= date('2026-03-31') AND k.retiredAt IS NULL
                WITH k.childId AS c, count(*) AS n WHERE n >= 3 RETURN count(c) AS children
                """)
            .execute()
            .records()
            .get(0)
            .get(0)
            .asLong();
    assertThat(expected).isGreaterThan(5);
    frontDoor.path("repeatContacts.children").entity(Long.class).isEqualTo(expected);
    frontDoor.path("repeatContacts.from").entity(String.class).isEqualTo("2024-04-01");
    assertThat(list).hasSize(5);
    assertThat(list)
        .extracting(m -> (Integer) m.get("contacts"))
        .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3))
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    for (Map m : list) {
      assertThat(((List<?>) m.get("decisions"))).hasSize((Integer) m.get("contacts"));
      assertThat(
              org.childjourneys.TestNeo4j.driver()
                  .executableQuery(
                      "MATCH (e:AuditEntry {childId: $id, what: 'repeat contacts list', purpose: 'REFERRAL_TRIAGE'}) RETURN count(e)")
                  .withParameters(Map.of("id", m.get("childId")))
                  .execute()
                  .records()
                  .get(0)
                  .get(0)
                  .asLong())
          .isPositive();
    }
    var analyst = as("analyst").document(query).execute();
    analyst.path("repeatContacts.list").entityList(Map.class).hasSize(0);
    analyst.path("repeatContacts.children").entity(Long.class).isEqualTo(expected);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void onwardJourneysByClosureReasonWithholdSmallNumbers() {
    var response =
        as("manager")
            .document(
                """
                { onwardJourneys(kind: "EARLY_HELP_PLAN", from: "2023-04-01", to: "2025-03-31", by: [CLOSURE_REASON]) {
                    kind from to asAt
                    rows { team closureReason closures
                           windows { months followedUp referral earlyHelp childProtectionPlan care
                                     custody neet exclusion noFurtherContact } } } }
                """)
            .execute();
    List<Map> rows = response.path("onwardJourneys.rows").entityList(Map.class).get();
    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("team")).isNull());
    for (Map r : rows) {
      List<?> windows = (List<?>) r.get("windows");
      assertThat(windows).extracting(w -> ((Map) w).get("months")).containsExactly(3, 6, 12, 24);
      Integer previous = null;
      for (Object o : windows) {
        Integer n = (Integer) ((Map) o).get("followedUp");
        if (previous != null && n != null) {
          assertThat(n)
              .as("longer windows follow up no more closures")
              .isLessThanOrEqualTo(previous);
        }
        previous = n == null ? previous : n;
      }
    }
    as("manager")
        .document(
            "{ onwardJourneys(kind: \"x y\", from: \"2024-01-01\", to: \"2024-02-01\") { asAt } }")
        .execute()
        .errors()
        .expect(e -> e.getMessage().startsWith("kind:"))
        .verify();
  }

  @org.springframework.beans.factory.annotation.Autowired OnwardJourneysService journeysService;

  @Test
  @SuppressWarnings("rawtypes")
  void aManagerSeesRealNumbersForTheirOwnTeamOnly() {
    String query =
        """
        { onwardJourneys(kind: "CIN_EPISODE", from: "2023-04-01", to: "2025-03-31", by: [TEAM]) {
            asAt rows { team realNumbers closures windows { months followedUp referral } } } }
        """;
    var response = as("manager").document(query).execute();
    List<Map> rows = response.path("onwardJourneys.rows").entityList(Map.class).get();
    var tallies =
        journeysService.tallies(
            "CIN_EPISODE",
            java.time.LocalDate.of(2023, 4, 1),
            java.time.LocalDate.of(2025, 3, 31),
            java.time.LocalDate.parse(
                response.path("onwardJourneys.asAt").entity(String.class).get()),
            java.util.EnumSet.of(OnwardJourneysService.Dimension.TEAM));
    // The manager's team (T00002, configured for the test users) closed a handful of episodes.
    Map own = rows.stream().filter(r -> "T00002".equals(r.get("team"))).findFirst().orElseThrow();
    var real = tallies.get(java.util.Arrays.asList("T00002", null));
    assertThat(own.get("realNumbers")).isEqualTo(true);
    assertThat(own.get("closures")).isEqualTo((int) real.items);
    Map firstWindow = (Map) ((List<?>) own.get("windows")).get(0);
    assertThat(firstWindow.get("followedUp")).isEqualTo((int) real.windows[0][0]);
    assertThat(firstWindow.get("referral")).isEqualTo((int) real.windows[0][1]);
    assertThat(rows)
        .filteredOn(r -> !"T00002".equals(r.get("team")))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("realNumbers")).isEqualTo(false));
    // An analyst sees the same row suppressed.
    Map analysts =
        as("analyst")
            .document(query)
            .execute()
            .path("onwardJourneys.rows")
            .entityList(Map.class)
            .get()
            .stream()
            .filter(r -> "T00002".equals(r.get("team")))
            .findFirst()
            .orElseThrow();
    assertThat(analysts.get("realNumbers")).isEqualTo(false);
    assertThat(analysts.get("closures"))
        .isEqualTo(real.items >= 1 && real.items <= 5 ? null : (int) real.items);
  }
}
