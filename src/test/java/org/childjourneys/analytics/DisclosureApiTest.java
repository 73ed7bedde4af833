package org.childjourneys.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Aggregates by audience and pseudonymised views over the real HTTP GraphQL endpoint, checked
 * against counts and pseudonyms computed here independently (Cypher and HMAC-SHA256).
 */
class DisclosureApiTest extends IntegrationTest {

  /** The manager's team (src/test/resources/config/application.properties). */
  static final String OWN_TEAM = "T00002";

  static final String CASELOAD =
      """
      query Caseload($teamId: ID!) {
        teamCaseload(teamId: $teamId) {
          teamId teamName suppressed total kinds { kind openInvolvements }
        }
      }
      """;

  /** Open involvements by kind of a team, in kind order, straight from the graph. */
  static Map<String, Long> openByKind(String teamId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    TestNeo4j.driver()
        .executableQuery(
            """
            MATCH (i:Involvement)-[:WITH]->(:Team {id: $teamId})
            WHERE i.end IS NULL AND i.retiredAt IS NULL
            RETURN i.kind AS kind, count(*) AS n ORDER BY kind
            """)
        .withParameters(Map.of("teamId", teamId))
        .execute()
        .records()
        .forEach(r -> counts.put(r.get("kind").asString(), r.get("n").asLong()));
    return counts;
  }

  static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  Map<String, Object> caseload(String user, String teamId) {
    return as(user)
        .document(CASELOAD)
        .variable("teamId", teamId)
        .execute()
        .path("teamCaseload")
        .entity(MAP)
        .get();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Integer> shownByKind(Map<String, Object> caseload) {
    Map<String, Integer> shown = new LinkedHashMap<>();
    for (Map<String, Object> k : (List<Map<String, Object>>) caseload.get("kinds")) {
      shown.put((String) k.get("kind"), (Integer) k.get("openInvolvements"));
    }
    return shown;
  }

  @Test
  void aManagerSeesTheirOwnTeamsRealNumbersSmallOnesIncluded() {
    Map<String, Long> real = openByKind(OWN_TEAM);
    assertThat(real.values()).as("the team has a small count to show").anyMatch(n -> n <= 5);

    Map<String, Object> answer = caseload("manager", OWN_TEAM);

    assertThat(answer.get("suppressed")).isEqualTo(false);
    assertThat(answer.get("teamId")).isEqualTo(OWN_TEAM);
    Map<String, Integer> shown = shownByKind(answer);
    assertThat(shown.keySet()).containsExactlyElementsOf(real.keySet());
    real.forEach((kind, n) -> assertThat(shown.get(kind)).as(kind).isEqualTo(n.intValue()));
    assertThat(answer.get("total"))
        .isEqualTo((int) real.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void everyoneElseSeesTheTeamSuppressedAndTheNullsCannotBeWorkedOutFromTheTotal() {
    Map<String, Long> real = openByKind(OWN_TEAM);
    for (String user : List.of("analyst", "leader", "frontline")) {
      Map<String, Object> answer = caseload(user, OWN_TEAM);
      assertThat(answer.get("suppressed")).as(user).isEqualTo(true);
      assertSuppressed(real, answer);
    }
  }

  @Test
  void aManagerSeesAnotherTeamSuppressedWithASecondCountWithheldBesideALoneSmallOne() {
    // A team whose caseload has exactly one count from 1 to 5: primary suppression alone would
    // let the total give it away.
    String other = teamWithOneSmallCount();
    Map<String, Long> real = openByKind(other);

    Map<String, Object> answer = caseload("manager", other);

    assertThat(answer.get("suppressed")).isEqualTo(true);
    assertSuppressed(real, answer);
    long withheld = shownByKind(answer).values().stream().filter(v -> v == null).count();
    assertThat(withheld + (answer.get("total") == null ? 1 : 0)).isGreaterThanOrEqualTo(2);
  }

  /** Shown counts are the real ones; 1-5 are null; the total never reveals a null count. */
  static void assertSuppressed(Map<String, Long> real, Map<String, Object> answer) {
    Map<String, Integer> shown = shownByKind(answer);
    assertThat(shown.keySet()).containsExactlyElementsOf(real.keySet());
    long total = real.values().stream().mapToLong(Long::longValue).sum();
    List<Long> withheld = new ArrayList<>();
    real.forEach(
        (kind, n) -> {
          if (n >= 1 && n <= 5) {
            assertThat(shown.get(kind)).as(kind).isNull();
          }
          if (shown.get(kind) == null) {
            withheld.add(n);
          } else {
            assertThat(shown.get(kind)).as(kind).isEqualTo(n.intValue());
          }
        });
    Integer shownTotal = (Integer) answer.get("total");
    if (shownTotal == null) {
      assertThat(total).isGreaterThan(0);
      assertThat(withheld.size()).as("a withheld total needs no other").isNotEqualTo(0);
    } else {
      assertThat(shownTotal).isEqualTo((int) total);
      // What the total reveals is the sum of the nulls: never a single one, never all 1s.
      assertThat(withheld.size()).isNotEqualTo(1);
      if (!withheld.isEmpty()) {
        assertThat(withheld.stream().mapToLong(Long::longValue).sum())
            .isNotEqualTo(withheld.size());
      }
    }
  }

  static String teamWithOneSmallCount() {
    return TestNeo4j.driver()
        .executableQuery(
            """
            MATCH (i:Involvement)-[:WITH]->(t:Team)
            WHERE i.end IS NULL AND i.retiredAt IS NULL AND t.id <> $own
            WITH t, i.kind AS kind, count(*) AS n
            WITH t, collect(n) AS counts
            WHERE size([n IN counts WHERE n <= 5]) = 1 AND size(counts) > 1
            RETURN t.id AS id ORDER BY id LIMIT 1
            """)
        .withParameters(Map.of("own", OWN_TEAM))
        .execute()
        .records()
        .get(0)
        .get("id")
        .asString();
  }

  @Test
  void frontDoorQualityAssuranceAndAdminsCannotAskForCaseloads() {
    for (String user : List.of("front-door", "quality-assurance", "admin")) {
      as(user)
          .document(CASELOAD)
          .variable("teamId", OWN_TEAM)
          .execute()
          .errors()
          .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
          .verify();
    }
  }

  @Test
  void anUnknownTeamHasNoCaseload() {
    as("analyst")
        .document(CASELOAD)
        .variable("teamId", "NO_SUCH:TEAM")
        .execute()
        .path("teamCaseload")
        .valueIsNull();
  }

  static final String COHORT =
      """
      query Cohort($service: String!, $openOn: Date, $first: Int, $after: String) {
        cohort(service: $service, openOn: $openOn, first: $first, after: $after) {
          openOn size endCursor hasNextPage
          members { pseudonym ageBand sex openInvolvementKinds }
        }
      }
      """;

  Map<String, Object> cohortPage(
      String user, String service, String openOn, int first, String after) {
    return as(user)
        .document(COHORT)
        .variable("service", service)
        .variable("openOn", openOn)
        .variable("first", first)
        .variable("after", after)
        .execute()
        .path("cohort")
        .entity(MAP)
        .get();
  }

  static String hmacPseudonym(String key, String childId) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "P-"
        + HexFormat.of()
            .formatHex(mac.doFinal(childId.getBytes(StandardCharsets.UTF_8)))
            .substring(0, 16);
  }

  @Test
  @SuppressWarnings("unchecked")
  void analystsPageThroughACohortOfPseudonymsThatAreTheKeyedHmacsOfTheRightChildren()
      throws Exception {
    // No date given: the date the data describes (the synthetic authority's reference date).
    String openOn = "2026-03-31";
    List<Record> children =
        TestNeo4j.driver()
            .executableQuery(
                """
                MATCH (c:Child)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(i:Involvement)
                WHERE i.service = 'EDUCATION' AND i.start <= date($openOn)
                  AND (i.end IS NULL OR i.end > date($openOn)) AND i.retiredAt IS NULL
                WITH DISTINCT c
                RETURN c.id AS id, c.givenName AS given, c.familyName AS family,
                       toString(c.birthDate) AS birthDate, c.sex AS sex
                """)
            .withParameters(Map.of("openOn", openOn))
            .execute()
            .records();
    assertThat(children).hasSizeGreaterThan(40);
    String key = Files.readString(Path.of("target", "test-pseudonym.key")).strip();
    Map<String, Record> byPseudonym = new LinkedHashMap<>();
    for (Record c : children) {
      byPseudonym.put(hmacPseudonym(key, c.get("id").asString()), c);
    }

    List<Map<String, Object>> members = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      Map<String, Object> page = cohortPage("analyst", "EDUCATION", null, 40, after);
      assertThat(page.get("openOn")).isEqualTo(openOn);
      assertThat(page.get("size")).isEqualTo(children.size());
      members.addAll((List<Map<String, Object>>) page.get("members"));
      after = (String) page.get("endCursor");
      assertThat(page.get("hasNextPage")).isEqualTo(after != null);
      pages++;
    } while (after != null && pages < 50);

    assertThat(pages).isGreaterThan(1);
    List<String> pseudonyms = members.stream().map(m -> (String) m.get("pseudonym")).toList();
    assertThat(pseudonyms)
        .containsExactlyElementsOf(byPseudonym.keySet().stream().sorted().toList());
    for (Map<String, Object> member : members) {
      Record child = byPseudonym.get((String) member.get("pseudonym"));
      assertThat(member.get("sex")).isEqualTo(child.get("sex").asString(null));
      assertThat((List<String>) member.get("openInvolvementKinds")).contains("SCHOOL_ENROLMENT");
      String shown = member.toString();
      assertThat(shown)
          .doesNotContain(child.get("id").asString())
          .doesNotContain(child.get("family").asString("no family name"))
          .doesNotContain(child.get("birthDate").asString("no birth date"));
      assertThat(member.keySet())
          .containsExactlyInAnyOrder("pseudonym", "ageBand", "sex", "openInvolvementKinds");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCohortMembersAgeBandAndKindsAreThoseOnTheDate() throws Exception {
    String openOn = "2025-03-31";
    Record child =
        TestNeo4j.driver()
            .executableQuery(
                """
                MATCH (c:Child)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(i:Involvement)
                WHERE i.service = 'SOCIAL_CARE' AND i.start <= date($openOn)
                  AND (i.end IS NULL OR i.end > date($openOn)) AND c.birthDate IS NOT NULL
                WITH DISTINCT c ORDER BY c.id LIMIT 1
                MATCH (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(j:Involvement)
                WHERE j.start <= date($openOn) AND (j.end IS NULL OR j.end > date($openOn))
                  AND j.retiredAt IS NULL
                WITH c, collect(DISTINCT j.kind) AS kinds
                RETURN c.id AS id, duration.between(c.birthDate, date($openOn)).years AS age,
                       kinds
                """)
            .withParameters(Map.of("openOn", openOn))
            .execute()
            .records()
            .get(0);
    String key = Files.readString(Path.of("target", "test-pseudonym.key")).strip();
    String pseudonym = hmacPseudonym(key, child.get("id").asString());
    int age = child.get("age").asInt();
    String band =
        age < 1
            ? "UNDER_1"
            : age < 5 ? "1_TO_4" : age < 10 ? "5_TO_9" : age < 16 ? "10_TO_15" : "16_AND_OVER";

    Map<String, Object> member = null;
    String after = null;
    do {
      Map<String, Object> page = cohortPage("leader", "SOCIAL_CARE", openOn, 100, after);
      for (Map<String, Object> m : (List<Map<String, Object>>) page.get("members")) {
        if (pseudonym.equals(m.get("pseudonym"))) {
          member = m;
        }
      }
      after = (String) page.get("endCursor");
    } while (member == null && after != null);

    assertThat(member).isNotNull();
    assertThat(member.get("ageBand")).isEqualTo(band);
    assertThat((List<String>) member.get("openInvolvementKinds"))
        .containsExactlyInAnyOrderElementsOf(child.get("kinds").asList(Value::asString));
  }

  @Test
  void onlyAnalystsAndLeadersGetCohortsAndPagesAreCapped() {
    for (String user :
        List.of("front-door", "frontline", "manager", "quality-assurance", "admin")) {
      as(user)
          .document(COHORT)
          .variable("service", "SOCIAL_CARE")
          .execute()
          .errors()
          .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
          .verify();
    }
    as("analyst")
        .document(COHORT)
        .variable("service", "SOCIAL_CARE")
        .variable("first", 101)
        .execute()
        .errors()
        .expect(
            e ->
                "BAD_REQUEST".equals(String.valueOf(e.getErrorType()))
                    && e.getMessage().contains("first must be between 1 and 100"))
        .verify();
  }

  @Test
  void aCohortOfOneToFiveChildrenIsNotListed() {
    // A service and date with 1 to 5 children open, found in the graph.
    Record small =
        TestNeo4j.driver()
            .executableQuery(
                """
                UNWIND range(0, 60) AS m
                WITH date('2026-03-01') - duration({months: m}) AS d
                MATCH (i:Involvement)
                WHERE i.start <= d AND (i.end IS NULL OR i.end > d) AND i.retiredAt IS NULL
                WITH d, i.service AS service, count(DISTINCT i.childId) AS n
                WHERE 1 <= n <= 5
                RETURN toString(d) AS d, service, n ORDER BY n, d LIMIT 1
                """)
            .execute()
            .records()
            .get(0);
    Map<String, Object> page =
        cohortPage("analyst", small.get("service").asString(), small.get("d").asString(), 10, null);
    assertThat(page.get("size")).isNull();
    assertThat((List<?>) page.get("members")).isEmpty();
    assertThat(page.get("hasNextPage")).isEqualTo(false);
  }

  @Test
  void administratorsStoreEveryChildsPseudonymForDirectGraphToolsAndNobodyElseMay()
      throws Exception {
    as("analyst")
        .document("mutation { writePseudonyms }")
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();

    as("admin")
        .document("mutation { writePseudonyms }")
        .execute()
        .path("writePseudonyms")
        .entity(Integer.class)
        .isEqualTo(CHILDREN);

    String key = Files.readString(Path.of("target", "test-pseudonym.key")).strip();
    List<Record> children =
        TestNeo4j.driver()
            .executableQuery("MATCH (c:Child) RETURN c.id AS id, c.pseudonym AS pseudonym")
            .execute()
            .records();
    assertThat(children).hasSize(CHILDREN);
    for (Record c : children) {
      assertThat(c.get("pseudonym").asString())
          .isEqualTo(hmacPseudonym(key, c.get("id").asString()));
    }
  }

  @Test
  void theCypherUsesIndexes() {
    assertThat(plan("EXPLAIN " + cypher("cohort-children"), Map.of("service", "SOCIAL_CARE")))
        .contains("NodeIndexSeek")
        .contains("Involvement(service, start)");
    assertThat(plan("EXPLAIN " + cypher("team-caseload"), Map.of("teamId", OWN_TEAM)))
        .contains("NodeUniqueIndexSeek");
    assertThat(plan("EXPLAIN " + cypher("cohort-details"), Map.of("childIds", List.of("C1"))))
        .contains("NodeUniqueIndexSeek");
    assertThat(plan("EXPLAIN " + cypher("child-ids-after"), Map.of("after", "", "batch", 10)))
        .contains("NodeUniqueIndexSeekByRange")
        .doesNotContain("Sort");
  }

  static String cypher(String name) {
    return org.childjourneys.neo4j.CypherFile.load("disclosure/" + name);
  }

  static String plan(String query, Map<String, Object> params) {
    Map<String, Object> all = new LinkedHashMap<>(params);
    all.putIfAbsent("openOn", java.time.LocalDate.of(2025, 3, 31));
    var summary = TestNeo4j.driver().executableQuery(query).withParameters(all).execute().summary();
    List<String> operators = new ArrayList<>();
    collectOperators(summary.plan(), operators);
    return String.join(" ", operators);
  }

  static void collectOperators(org.neo4j.driver.summary.Plan plan, List<String> into) {
    into.add(plan.operatorType() + " " + plan.arguments().get("Details"));
    plan.children().forEach(child -> collectOperators(child, into));
  }
}
