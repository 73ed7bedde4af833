package org.childjourneys.frontline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.QueryCounter;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Who is in touch, coverage notes and the family network of the hand-built family. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InTouchApiTest extends IntegrationTest {

  private static final String IN_TOUCH =
      """
      query($asOf: Date) { child(id: "TFL-C1", purpose: SAFEGUARDING) { inTouch(asOf: $asOf) {
        asOf
        now { id kind service start end closureReason source { system }
              team { id name email phone organisation }
              professionals { id name role team organisation email phone lead from to
                              confirmed { email phone by at } }
              lead { name } }
        previously { id end professionals { name } }
        coverage { service inTouchNow note sources { system coveredFrom coveredTo asAt } } } } }
      """;

  @BeforeAll
  void family() {
    FrontlineFixture.create();
  }

  @AfterAll
  void cleanUp() {
    FrontlineFixture.remove();
  }

  @Test
  void inTouchNowHasTheProfessionalsAllocatedThenAndPreviouslyHasWhatEnded() {
    var feb = graphQl.document(IN_TOUCH).variable("asOf", "2024-02-15").execute();
    feb.path("child.inTouch.now[*].id")
        .entityList(String.class)
        .containsExactly("TFL-I4", "TFL-I1");
    feb.path("child.inTouch.previously[*].id").entityList(String.class).containsExactly("TFL-I3");
    Map<?, ?> cin = feb.path("child.inTouch.now[1]").entity(Map.class).get();
    assertThat((List<Map<String, Object>>) cin.get("professionals"))
        .extracting(p -> p.get("name") + "/" + p.get("email") + "/" + p.get("lead"))
        .containsExactly("Pat First/pat.first@example.org/true");
    assertThat(cin.get("lead")).isEqualTo(Map.of("name", "Pat First"));
    Map<?, ?> team = (Map<?, ?>) cin.get("team");
    assertThat(team.get("id")).isEqualTo(FrontlineFixture.TEAM);
    assertThat(team.get("phone")).isEqualTo("01632 960000");
    Map<?, ?> pat = ((List<Map<?, ?>>) cin.get("professionals")).get(0);
    assertThat(pat.get("team")).isEqualTo("Assessment team (test)");
    assertThat(pat.get("role")).isEqualTo("SOCIAL_WORKER");

    graphQl
        .document(IN_TOUCH)
        .variable("asOf", "2024-04-01")
        .execute()
        .path("child.inTouch.now[*].id")
        .entityList(String.class)
        .containsExactly("TFL-I4", "TFL-I1")
        .path("child.inTouch.now[1].professionals[*].name")
        .entityList(String.class)
        .containsExactly("Sam Second");

    var aug = graphQl.document(IN_TOUCH).variable("asOf", "2024-08-01").execute();
    aug.path("child.inTouch.now[*].id").entityList(String.class).containsExactly("TFL-I2");
    aug.path("child.inTouch.now[0].lead.name").entity(String.class).isEqualTo("Lee Third");
    aug.path("child.inTouch.previously[*].id")
        .entityList(String.class)
        .containsExactly("TFL-I1", "TFL-I4", "TFL-I3");
    aug.path("child.inTouch.previously[0].professionals[*].name")
        .entityList(String.class)
        .containsExactly("Pat First", "Sam Second");
  }

  @Test
  void everyServiceWithoutInvolvementSaysWhichSourcesCoverWhichPeriod() {
    var housing =
        TestNeo4j.driver()
            .executableQuery(
                "MATCH (d:DataSource {system: 'SYN_HOUSING'})"
                    + " RETURN toString(d.coveredFrom) AS f, toString(d.coveredTo) AS t")
            .execute()
            .records()
            .get(0);
    var response = graphQl.document(IN_TOUCH).variable("asOf", "2024-08-01").execute();
    List<Map> coverage = response.path("child.inTouch.coverage").entityList(Map.class).get();
    assertThat(coverage).extracting(c -> c.get("service")).hasSize(9);
    Map<?, ?> earlyHelp = byService(coverage, "EARLY_HELP");
    assertThat(earlyHelp.get("inTouchNow")).isEqualTo(true);
    assertThat(earlyHelp.get("note")).isEqualTo("In touch on 2024-08-01.");
    Map<?, ?> housingCoverage = byService(coverage, "HOUSING");
    assertThat(housingCoverage.get("inTouchNow")).isEqualTo(false);
    String expectedNote =
        "No open HOUSING involvement in SYN_HOUSING (covers "
            + housing.get("f").asString()
            + " to "
            + housing.get("t").asString()
            + ", as at "
            + housing.get("t").asString()
            + ")";
    assertThat((String) housingCoverage.get("note")).startsWith(expectedNote);
    boolean housingCovers = housing.get("f").asString().compareTo("2024-08-01") <= 0;
    assertThat((String) housingCoverage.get("note"))
        .endsWith(
            housingCovers
                ? ". Nothing is known outside those periods."
                : ". No loaded source covers 2024-08-01: no record is not evidence of no involvement.");
  }

  private static Map<?, ?> byService(List<Map> coverage, String service) {
    return coverage.stream()
        .filter(c -> service.equals(c.get("service")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void familyNetworkShowsRelativesWithTheirOpenInvolvements() {
    graphQl
        .document(
            """
            { child(id: "TFL-C1", purpose: SAFEGUARDING) { family(asOf: "2024-08-01") {
                id relationship parentalResponsibility givenName livesWithChild isChild
                openInvolvements { kind service start } } } }
            """)
        .execute()
        .path("child.family")
        .entityList(Map.class)
        .containsExactly(
            map(
                "id",
                "TFL-A1",
                "relationship",
                "MOTHER",
                "parentalResponsibility",
                true,
                "givenName",
                "Helen",
                "livesWithChild",
                false,
                "isChild",
                false,
                "openInvolvements",
                List.of()),
            map(
                "id",
                "TFL-C2",
                "relationship",
                "SIBLING",
                "parentalResponsibility",
                null,
                "givenName",
                "Ruby",
                "livesWithChild",
                false,
                "isChild",
                true,
                "openInvolvements",
                List.of(
                    Map.of(
                        "kind", "CIN_EPISODE", "service", "SOCIAL_CARE", "start", "2024-01-15"))));
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void aPageOfFiftyChildrenCostsTheSameQueriesAsOne() {
    List<String> ids =
        TestNeo4j.driver()
            .executableQuery(
                "MATCH (c:Child) WHERE c.id STARTS WITH 'C' RETURN c.id AS id ORDER BY id LIMIT 50")
            .execute()
            .records()
            .stream()
            .map(r -> r.get("id").asString())
            .toList();
    assertThat(ids).hasSize(50);
    String page =
        """
        query($ids: [ID!]!) { children(ids: $ids, purpose: SAFEGUARDING) {
          id summary { openInvolvements } chronology(first: 5) { totalCount }
          inTouch { now { kind team { name } professionals { name phone } } }
          family { relationship } records { system } } }
        """;
    statementsFor(page, ids.subList(0, 1)); // warm: the audit writer reads the chain head once
    long one = statementsFor(page, ids.subList(0, 1));
    long fifty = statementsFor(page, ids);
    // equal but for the sources catalogue, which either request may re-read (it is kept 5 s)
    assertThat(fifty).isBetween(one - 1, one + 1);
    assertThat(one).isLessThanOrEqualTo(8);
  }

  private long statementsFor(String page, List<String> ids) {
    long before = QueryCounter.statements();
    graphQl
        .document(page)
        .variable("ids", ids)
        .execute()
        .path("children[*].id")
        .entityList(String.class)
        .containsExactly(ids.toArray(String[]::new));
    return QueryCounter.statements() - before;
  }
}
