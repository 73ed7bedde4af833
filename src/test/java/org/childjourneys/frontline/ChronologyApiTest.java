package org.childjourneys.frontline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chronology, summary and step changes of the hand-built family ({@link FrontlineFixture}). */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class ChronologyApiTest extends IntegrationTest {

  static final List<String> NEWEST_FIRST =
      List.of(
          "TFL-E2", "TFL-I2", "TFL-K2", "TFL-I4", "TFL-I1", "TFL-K1", "TFL-E1", "TFL-E0", "TFL-I3");

  @BeforeAll
  void family() { // per-class instance: runs once the service (and its schema) is up
    FrontlineFixture.create();
  }

  @AfterAll
  void cleanUp() {
    FrontlineFixture.remove();
  }

  private List<String> ids(String chronologyArgs) {
    return graphQl
        .document(
            "{ child(id: \"TFL-C1\", purpose: SAFEGUARDING) { chronology"
                + chronologyArgs
                + " { edges { node { id } } } } }")
        .execute()
        .path("child.chronology.edges[*].node.id")
        .entityList(String.class)
        .get();
  }

  @Test
  void chronologyIsInDateOrderWithTiesById() {
    assertThat(ids("")).containsExactlyElementsOf(NEWEST_FIRST);
    List<String> oldestFirst = new java.util.ArrayList<>(NEWEST_FIRST);
    java.util.Collections.reverse(oldestFirst);
    assertThat(ids("(order: OLDEST_FIRST)")).containsExactlyElementsOf(oldestFirst);
  }

  @Test
  void chronologyPagesWithCursors() {
    String page =
        """
        query($after: String) {
          child(id: "TFL-C1", purpose: SAFEGUARDING) {
            chronology(first: 4, after: $after) {
              totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              edges { cursor node { id } }
            }
          }
        }
        """;
    var first = graphQl.document(page).execute();
    first.path("child.chronology.totalCount").entity(Integer.class).isEqualTo(9);
    first
        .path("child.chronology.edges[*].node.id")
        .entityList(String.class)
        .containsExactly(NEWEST_FIRST.subList(0, 4).toArray(String[]::new));
    first.path("child.chronology.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
    String cursor = first.path("child.chronology.pageInfo.endCursor").entity(String.class).get();
    var second = graphQl.document(page).variable("after", cursor).execute();
    second
        .path("child.chronology.edges[*].node.id")
        .entityList(String.class)
        .containsExactly(NEWEST_FIRST.subList(4, 8).toArray(String[]::new));
    second.path("child.chronology.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
    second
        .path("child.chronology.pageInfo.startCursor")
        .entity(String.class)
        .isEqualTo(second.path("child.chronology.edges[0].cursor").entity(String.class).get());
    String cursor2 = second.path("child.chronology.pageInfo.endCursor").entity(String.class).get();
    var third = graphQl.document(page).variable("after", cursor2).execute();
    third
        .path("child.chronology.edges[*].node.id")
        .entityList(String.class)
        .containsExactly("TFL-I3");
    third.path("child.chronology.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    graphQl
        .document(page)
        .variable("after", "not-a-cursor")
        .execute()
        .errors()
        .satisfy(
            e -> {
              assertThat(e.get(0).getMessage()).isEqualTo("after: not a cursor of this chronology");
              assertThat(e.get(0).getExtensions()).containsEntry("field", "after");
            });
  }

  @Test
  void chronologyFiltersByServiceCategoryDatesAndFlags() {
    assertThat(ids("(filter: {services: [\"SOCIAL_CARE\"]})"))
        .containsExactly("TFL-K2", "TFL-I4", "TFL-I1", "TFL-K1");
    assertThat(ids("(filter: {categories: [EVENT]})"))
        .containsExactly("TFL-E2", "TFL-E1", "TFL-E0");
    assertThat(ids("(filter: {from: \"2024-01-01\", to: \"2024-06-30\"})"))
        .containsExactly("TFL-K2", "TFL-I4", "TFL-I1", "TFL-K1");
    assertThat(ids("(filter: {kinds: [\"CP_PLAN\", \"CONTACT\"]})"))
        .containsExactly("TFL-K2", "TFL-I4", "TFL-K1");
    assertThat(ids("(filter: {needCodes: [\"3A\"]})")).containsExactly("TFL-E1");
    assertThat(ids("(enhanced: true)")).containsExactly("TFL-E2", "TFL-I4", "TFL-E1");
    assertThat(ids("(filter: {flags: [STRENGTH]})")).containsExactly("TFL-E2");
    graphQl
        .document(
            "{ child(id: \"TFL-C1\", purpose: SAFEGUARDING) { chronology(filter: {from:"
                + " \"2024-02-01\", to: \"2024-01-01\"}) { totalCount } } }")
        .execute()
        .errors()
        .satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("field", "filter.from"));
  }

  @Test
  void itemsCarryTheirSourceFreshnessFlagsAndProfessionals() {
    String referenceDate =
        TestNeo4j.driver()
            .executableQuery(
                "MATCH (d:DataSource {system: 'SYN_POLICE'}) RETURN toString(d.asAt) AS asAt")
            .execute()
            .records()
            .get(0)
            .get("asAt")
            .asString();
    var response =
        graphQl
            .document(
                """
                { child(id: "TFL-C1", purpose: SAFEGUARDING) {
                    chronology(first: 20) { edges { node {
                      id category kind service date end decision closureReason team text recordedBy
                      needCodes professionals { id name role lead from to }
                      flags { flag source reason by at } source { system name asAt coveredFrom coveredTo } } } } } }
                """)
            .execute();
    Map<?, ?> incident =
        response
            .path("child.chronology.edges[?(@.node.id == 'TFL-E1')].node")
            .entityList(Map.class)
            .get()
            .get(0);
    assertThat(incident.get("category")).isEqualTo("EVENT");
    assertThat(incident.get("needCodes")).isEqualTo(List.of("3A"));
    assertThat((List<Map<String, Object>>) incident.get("flags"))
        .extracting(f -> f.get("flag") + "/" + f.get("source"))
        .containsExactly("TRAUMATIC/SOURCE", "NEED/MAPPING");
    Map<?, ?> source = (Map<?, ?>) incident.get("source");
    assertThat(source.get("system")).isEqualTo("SYN_POLICE");
    assertThat(source.get("asAt")).isEqualTo(referenceDate);
    Map<?, ?> cin =
        response
            .path("child.chronology.edges[?(@.node.id == 'TFL-I1')].node")
            .entityList(Map.class)
            .get()
            .get(0);
    assertThat(cin.get("end")).isEqualTo("2024-06-30");
    assertThat(cin.get("closureReason")).isEqualTo("RC4");
    assertThat((List<Map<String, Object>>) cin.get("professionals"))
        .extracting(p -> p.get("name") + "/" + p.get("from") + "/" + p.get("to"))
        .containsExactly("Pat First/2024-01-11/2024-03-01", "Sam Second/2024-03-01/null");
    Map<?, ?> plan =
        response
            .path("child.chronology.edges[?(@.node.id == 'TFL-I4')].node")
            .entityList(Map.class)
            .get()
            .get(0);
    assertThat((List<Map<String, Object>>) plan.get("flags"))
        .extracting(f -> f.get("flag") + "/" + f.get("source") + "/" + f.get("reason"))
        .containsExactly("TRAUMATIC/MAPPING/Child protection plan: neglect");
    Map<?, ?> contact =
        response
            .path("child.chronology.edges[?(@.node.id == 'TFL-K1')].node")
            .entityList(Map.class)
            .get()
            .get(0);
    assertThat(contact.get("decision")).isEqualTo("REFERRAL");
    assertThat(contact.get("team")).isEqualTo("MASH");
  }

  @Test
  void summaryCountsAsOfADate() {
    var response =
        graphQl
            .document(
                """
                { child(id: "TFL-C1", purpose: SAFEGUARDING) { summary(asOf: "2024-06-01") {
                    asOf firstContact lastContact openInvolvements contactsLast12Months
                    referralsLast12Months reReferral repeatContactsLast12Months previousCpPlans
                    services { service contacts involvements openInvolvements events first last }
                    withheld { service } } } }
                """)
            .execute();
    response
        .path("child.summary")
        .entity(Map.class)
        .satisfies(
            s -> {
              assertThat(s.get("asOf")).isEqualTo("2024-06-01");
              assertThat(s.get("firstContact")).isEqualTo("2024-01-10");
              assertThat(s.get("lastContact")).isEqualTo("2024-05-01");
              assertThat(s.get("openInvolvements")).isEqualTo(1);
              assertThat(s.get("contactsLast12Months")).isEqualTo(2);
              assertThat(s.get("referralsLast12Months")).isEqualTo(1);
              assertThat(s.get("reReferral")).isEqualTo(false);
              assertThat(s.get("repeatContactsLast12Months")).isEqualTo(1);
              assertThat(s.get("previousCpPlans")).isEqualTo(1);
              assertThat(s.get("withheld")).isEqualTo(List.of());
            });
    assertThat(
            response.path("child.summary.services").entityList(Map.class).get().stream()
                .map(
                    s ->
                        s.get("service")
                            + ":"
                            + s.get("contacts")
                            + "/"
                            + s.get("involvements")
                            + "/"
                            + s.get("openInvolvements")
                            + "/"
                            + s.get("events")
                            + " "
                            + s.get("first")
                            + ".."
                            + s.get("last"))
                .toList())
        .containsExactly(
            "EARLY_HELP:0/1/0/0 2023-05-01..2023-05-01",
            "HOUSING:0/0/0/1 2023-12-20..2023-12-20",
            "POLICE:0/0/0/1 2023-12-20..2023-12-20",
            "SOCIAL_CARE:2/2/1/0 2024-01-10..2024-05-01");
  }

  @Test
  void stepChangesFollowTheMovesBetweenEarlyHelpAndSocialCare() {
    graphQl
        .document(
            """
            { child(id: "TFL-C1", purpose: SAFEGUARDING) {
                stepChanges { date direction reason from { id } to { id } } } }
            """)
        .execute()
        .path("child.stepChanges")
        .entityList(Map.class)
        .containsExactly(
            Map.of(
                "date", "2024-01-11",
                "direction", "STEP_UP",
                "reason", "EARLY_HELP closed: NEEDS_MET",
                "from", Map.of("id", "TFL-I3"),
                "to", Map.of("id", "TFL-I1")),
            Map.of(
                "date", "2024-07-05",
                "direction", "STEP_DOWN",
                "reason", "SOCIAL_CARE closed: RC4",
                "from", Map.of("id", "TFL-I1"),
                "to", Map.of("id", "TFL-I2")));
  }
}
