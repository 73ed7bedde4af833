package org.childjourneys.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.Test;

/**
 * Overlap and pathways over GraphQL on the synthetic authority (whose build ends with every journey
 * summary): who may ask, what they see, and that the answers agree with the facts.
 */
class JourneyAnalyticsApiTest extends IntegrationTest {

  private static final String OVERLAP =
      """
      { serviceOverlap(from: "2025-04-01", to: "2026-03-31",
                       services: ["SOCIAL_CARE", "EARLY_HELP", "EDUCATION", "YOUTH_JUSTICE"],
                       relativeTo: "EARLY_HELP") {
          from to cohortId children
          services { service children }
          pairs { a b both jaccard }
          combinations { services children }
          relativeTo { service children ended
                       others { service before beforeShare during duringShare after afterShare } } } }
      """;

  private static long scalar(String cypher) {
    return TestNeo4j.driver().executableQuery(cypher).execute().records().get(0).get(0).asLong();
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void overlapAgreesWithTheFactsAndWithholdsSmallNumbers() {
    // The generator built a summary for every child with a current involvement.
    // (Other tests may leave summaries of children they deleted: count those of children.)
    assertThat(
            scalar(
                "MATCH (s:JourneySummary) WHERE EXISTS { MATCH (:Child {id: s.childId}) }"
                    + " RETURN count(s)"))
        .isPositive()
        .isEqualTo(
            scalar(
                "MATCH (i:Involvement) WHERE i.retiredAt IS NULL AND i.childId IS NOT NULL"
                    + " RETURN count(DISTINCT i.childId)"));
    Map o =
        as("analyst").document(OVERLAP).execute().path("serviceOverlap").entity(Map.class).get();
    assertThat(o.get("cohortId")).isNull();
    long active =
        scalar(
            """
            MATCH (i:Involvement) WHERE i.service = 'SOCIAL_CARE' AND i.start <= date('2026-03-31')
              AND (i.end IS NULL OR i.end >= date('2025-04-01')) AND i.retiredAt IS NULL
            RETURN count(DISTINCT i.childId)
            """);
    List<Map> services = (List<Map>) o.get("services");
    assertThat(services.get(0).get("service")).isEqualTo("SOCIAL_CARE");
    if (services.get(0).get("children") != null) {
      assertThat(((Number) services.get(0).get("children")).longValue()).isEqualTo(active);
    }
    assertThat((List<Map>) o.get("pairs")).hasSize(6);
    List<Map> combinations = (List<Map>) o.get("combinations");
    assertThat(combinations).isNotEmpty();
    for (Map c : combinations) {
      Integer n = (Integer) c.get("children");
      assertThat(n == null || n == 0 || n > 5).as("combination %s", c).isTrue();
    }
    for (Map p : (List<Map>) o.get("pairs")) {
      if (p.get("both") == null) {
        assertThat(p.get("jaccard")).isNull();
      }
    }
    Map timing = (Map) o.get("relativeTo");
    assertThat(timing.get("service")).isEqualTo("EARLY_HELP");
    for (Map s : (List<Map>) timing.get("others")) {
      for (String k : List.of("before", "during", "after")) {
        Integer n = (Integer) s.get(k);
        assertThat(n == null || n == 0 || n > 5).as("%s %s", k, s).isTrue();
        if (n == null) {
          assertThat(s.get(k + "Share")).isNull();
        }
      }
    }
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void pathwaysAndWhatFollowedThem() {
    Map p =
        as("leader")
            .document(
                """
                { pathways(outcome: "LAC_EPISODE", from: "2025-04-01", to: "2026-03-31", minSupport: 20, first: 10) {
                    outcome from to by minSupport children withOutcome outcomeRate outcomeRateLow outcomeRateHigh
                    pathways { steps support withOutcome outcomeRate outcomeRateLow outcomeRateHigh lift liftLow liftHigh }
                    sankey { nodes { id step position } links { source target children } } } }
                """)
            .execute()
            .path("pathways")
            .entity(Map.class)
            .get();
    assertThat(p.get("by")).isEqualTo("KIND");
    for (Map x : (List<Map>) p.get("pathways")) {
      assertThat((Integer) x.get("support")).isGreaterThanOrEqualTo(20);
      assertThat(((List) x.get("steps")).size()).isBetween(1, 4);
      if (x.get("withOutcome") == null) {
        assertThat(x.get("lift")).isNull();
      }
    }
    Map r =
        as("quality-assurance")
            .document(
                """
                { pathwayOutcomes(pathway: ["CIN_EPISODE"], from: "2023-04-01", to: "2024-03-31", withinMonths: 12) {
                    pathway by from to withinMonths asAt children followedUp
                    outcomes { outcome children rate rateLow rateHigh } none { outcome children rate } } }
                """)
            .execute()
            .path("pathwayOutcomes")
            .entity(Map.class)
            .get();
    assertThat((List<Map>) r.get("outcomes")).hasSize(PathwaysService.LATER_OUTCOMES.size());
    assertThat(((Map) r.get("none")).get("outcome")).isEqualTo("NONE");
  }

  @Test
  void frontDoorMayNotAskAndArgumentsAreChecked() {
    as("front-door")
        .document("{ serviceOverlap(from: \"2025-04-01\", to: \"2026-03-31\") { children } }")
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
    as("manager")
        .document(
            "{ serviceOverlap(from: \"2025-04-01\", to: \"2026-03-31\", services: [\"BAKERY\", \"HOUSING\"]) { children } }")
        .execute()
        .errors()
        .expect(e -> e.getMessage().startsWith("services:"))
        .verify();
    as("analyst")
        .document(
            "{ pathways(outcome: \"NOT_A_KIND\", from: \"2025-04-01\", to: \"2026-03-31\") { children } }")
        .execute()
        .errors()
        .expect(e -> e.getMessage().startsWith("outcome:"))
        .verify();
  }

  @Test
  void administratorsRebuildSummariesToTheSameState() {
    String summaries =
        "MATCH (s:JourneySummary) WITH s ORDER BY s.childId"
            + " RETURN s.childId + reduce(t = '', k IN s.kinds | t + k)"
            + "   + reduce(t = '', d IN s.ends | t + toString(d)) AS line";
    List<String> before =
        TestNeo4j.driver().executableQuery(summaries).execute().records().stream()
            .map(r -> r.get("line").asString())
            .toList();
    Integer seen =
        as("admin")
            .document("mutation { rebuildJourneySummaries }")
            .execute()
            .path("rebuildJourneySummaries")
            .entity(Integer.class)
            .get();
    assertThat(seen).isPositive();
    assertThat(
            TestNeo4j.driver().executableQuery(summaries).execute().records().stream()
                .map(r -> r.get("line").asString())
                .toList())
        .isNotEmpty()
        .isEqualTo(before);
    as("analyst")
        .document("mutation { rebuildJourneySummaries }")
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
  }
}
