package org.childjourneys.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Front-door guidance, programme outcomes and costs on the synthetic authority: they run on a
 * realistic graph, and what they show obeys the small-number rules whatever the data.
 */
class GuidanceAndCostsApiTest extends IntegrationTest {

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void guidanceOnTheSyntheticAuthorityShowsNoSmallNumbers() {
    Map g =
        as("front-door")
            .document(
                """
                { frontDoorGuidance(profile: {ageBand: "10_TO_15", referralSource: "6",
                                              priorInvolvements: ["EARLY_HELP_PLAN"]},
                                    from: "2023-04-01", to: "2025-03-31") {
                    children criteriaUsed criteriaDropped enoughChildren
                    outcomes { outcome count rate lower upper } } }
                """)
            .execute()
            .path("frontDoorGuidance")
            .entity(Map.class)
            .get();
    Integer n = (Integer) g.get("children");
    assertThat(n).isNotNull().isGreaterThanOrEqualTo(20);
    for (Map o : (List<Map>) g.get("outcomes")) {
      Integer count = (Integer) o.get("count");
      if (count != null) {
        assertThat(count == 0 || count > 5).isTrue();
        assertThat(n - count == 0 || n - count > 5).isTrue();
        assertThat((Double) o.get("lower")).isLessThanOrEqualTo((Double) o.get("rate"));
        assertThat((Double) o.get("upper")).isGreaterThanOrEqualTo((Double) o.get("rate"));
      } else {
        assertThat(o.get("rate")).isNull();
      }
    }
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void theSyntheticFamilySupportProgrammeIsComparedWithMatchedChildren() {
    Map p =
        as("analyst")
            .document(
                """
                { programmeOutcomes(programme: "FAMILY_SUPPORT_PROGRAMME", from: "2022-04-01",
                                    to: "2025-03-31") {
                    programmeChildren matched kinds caveat
                    outcomes { outcome difference programme { count } comparison { count } } } }
                """)
            .execute()
            .path("programmeOutcomes")
            .entity(Map.class)
            .get();
    assertThat(p.get("kinds")).isEqualTo(List.of("EARLY_HELP_PLAN"));
    assertThat((String) p.get("caveat")).contains("not random");
    Integer matched = (Integer) p.get("matched");
    Integer children = (Integer) p.get("programmeChildren");
    if (matched != null && children != null) {
      assertThat(matched).isLessThanOrEqualTo(children);
    }
    for (Map o : (List<Map>) p.get("outcomes")) {
      Integer count = (Integer) ((Map) o.get("programme")).get("count");
      assertThat(count == null || count == 0 || count > 5).isTrue();
    }
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void aCohortOfEarlyHelpChildrenHasACostAndNoSmallGroupCosts() {
    Map c =
        as("leader")
            .document(
                """
                { cohortCost(filter: {kinds: ["EARLY_HELP_PLAN"]}, from: "2025-04-01", to: "2026-03-31") {
                    children total perChild groups { category code children cost } } }
                """)
            .execute()
            .path("cohortCost")
            .entity(Map.class)
            .get();
    assertThat((Integer) c.get("children")).isGreaterThan(5);
    assertThat((Double) c.get("total")).isGreaterThan(0.0);
    for (Map g : (List<Map>) c.get("groups")) {
      Integer children = (Integer) g.get("children");
      if (children == null) {
        assertThat(g.get("cost")).isNull();
      } else {
        assertThat(children).isGreaterThan(5);
      }
    }
  }
}
