package org.childjourneys.frontline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Finding a child: misspelt names, nicknames, identifiers, ranking, no existence leak. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest extends IntegrationTest {

  private static final String SEARCH =
      """
      query($name: String, $birthDate: Date, $postcode: String, $identifier: String) {
        searchChildren(purpose: REFERRAL_TRIAGE, name: $name, birthDate: $birthDate,
                       postcode: $postcode, identifier: $identifier, first: 10) {
          score matchedOn child { id givenName familyName } } }
      """;

  @BeforeAll
  void family() {
    FrontlineFixture.create();
  }

  @AfterAll
  void cleanUp() {
    FrontlineFixture.remove();
  }

  private List<Map> search(Map<String, Object> variables) {
    var request = graphQl.document(SEARCH);
    for (var e : variables.entrySet()) {
      request = request.variable(e.getKey(), e.getValue());
    }
    return request.execute().path("searchChildren").entityList(Map.class).get();
  }

  private static List<String> ids(List<Map> hits) {
    return hits.stream().map(h -> (String) ((Map<?, ?>) h.get("child")).get("id")).toList();
  }

  @Test
  void aMisspeltNameFindsTheChildFirst() {
    List<Map> hits = search(Map.of("name", "Olivya Harington"));
    assertThat(ids(hits).get(0)).isEqualTo("TFL-C1");
    assertThat(hits.get(0).get("matchedOn")).isEqualTo(List.of("SIMILAR_NAME"));
    assertThat(ids(hits)).doesNotContain("TFL-C4");
  }

  @Test
  void nameAndBirthDateRankTheExactMatchFirstThenTheSameBirthDate() {
    List<Map> hits = search(Map.of("name", "Olivia Harrington", "birthDate", "2015-03-04"));
    assertThat(ids(hits).subList(0, 2)).containsExactly("TFL-C1", "TFL-C3");
    assertThat(hits.get(0).get("matchedOn")).isEqualTo(List.of("NAME", "BIRTH_DATE"));
    assertThat(hits.get(1).get("matchedOn")).isEqualTo(List.of("SIMILAR_NAME", "BIRTH_DATE"));
    assertThat((Double) hits.get(0).get("score")).isGreaterThan((Double) hits.get(1).get("score"));
    assertThat(ids(hits)).doesNotContain("TFL-C4"); // restricted: as if it did not exist
  }

  @Test
  void aNicknameFindsTheChild() {
    List<Map> hits = search(Map.of("name", "Liv Harrington"));
    assertThat(ids(hits).get(0)).isEqualTo("TFL-C1");
    assertThat(hits.get(0).get("matchedOn")).isEqualTo(List.of("NICKNAME"));
  }

  @Test
  void anIdentifierOrABirthDateWithAPostcodeFindsTheChild() {
    List<Map> byId = search(Map.of("identifier", " tfl-0001 "));
    assertThat(ids(byId)).containsExactly("TFL-C1");
    assertThat(byId.get(0).get("matchedOn")).isEqualTo(List.of("IDENTIFIER"));
    List<Map> byPostcode = search(Map.of("birthDate", "2015-03-04", "postcode", "zz99zz"));
    assertThat(ids(byPostcode)).containsExactly("TFL-C1");
    assertThat(byPostcode.get(0).get("matchedOn")).isEqualTo(List.of("BIRTH_DATE", "POSTCODE"));
  }

  @Test
  void everyHitIsAuditedWithThePurpose() {
    search(Map.of("identifier", "TFL-0001"));
    as("quality-assurance")
        .document("{ accessLog(childId: \"TFL-C1\", last: 1) { actor purpose what allowed } }")
        .execute()
        .path("accessLog[0]")
        .entity(Map.class)
        .isEqualTo(
            Map.of(
                "actor", "front-door",
                "purpose", "REFERRAL_TRIAGE",
                "what", "search hit",
                "allowed", true));
  }

  @Test
  void searchesThatWouldDumpThePopulationOrAreMalformedAreRefusedNamingTheField() {
    assertError(
        Map.of(),
        "name",
        "name: search needs a name, an identifier, or a date of birth together with a postcode");
    assertError(Map.of("birthDate", "2015-03-04"), "name", null);
    assertError(
        Map.of("name", "Olivia", "postcode", "NOT A CODE"),
        "postcode",
        "postcode: 'NOT A CODE' is not a UK postcode");
    assertError(Map.of("name", "1234 !!"), "name", "name: needs letters, was '1234 !!'");
    assertError(Map.of("name", "x".repeat(101)), "name", "name: at most 100 characters, was 101");
  }

  @Test
  void searchSyntaxInANameIsOnlyText() {
    long before = nodes();
    List<Map> hits = search(Map.of("name", "Harrington\") OR *:* OR (\"x~ AND givenName:*"));
    assertThat(ids(hits)).contains("TFL-C1").doesNotContain("TFL-C4");
    assertThat(hits.size()).isLessThanOrEqualTo(10);
    assertThat(nodes()).isEqualTo(before);
  }

  @Test
  void rolesThatReadNoRecordsFindNobody() {
    as("analyst")
        .document(SEARCH)
        .variable("identifier", "TFL-0001")
        .execute()
        .errors()
        .verify()
        .path("searchChildren")
        .entityList(Map.class)
        .hasSize(0);
  }

  private static long nodes() {
    return TestNeo4j.driver()
        .executableQuery("MATCH (n) WHERE NOT n:AuditEntry RETURN count(n) AS n")
        .execute()
        .records()
        .get(0)
        .get("n")
        .asLong();
  }

  private void assertError(Map<String, Object> variables, String field, String message) {
    var request = graphQl.document(SEARCH);
    for (var e : variables.entrySet()) {
      request = request.variable(e.getKey(), e.getValue());
    }
    request
        .execute()
        .errors()
        .satisfy(
            errors -> {
              assertThat(errors).hasSize(1);
              assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
              assertThat(errors.get(0).getExtensions()).containsEntry("field", field);
              if (message != null) {
                assertThat(errors.get(0).getMessage()).isEqualTo(message);
              }
            });
  }
}
