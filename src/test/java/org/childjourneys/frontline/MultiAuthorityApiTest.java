package org.childjourneys.frontline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Several local authorities in one graph (docs/security.md): a child who moved from A to B, and
 * children known to one authority only ({@link MultiAuthorityFixture}). front-door and frontline
 * are A's users (the tests' own authority), front-door-b and frontline-b B's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiAuthorityApiTest extends IntegrationTest {

  private static final String A = MultiAuthorityFixture.A;
  private static final String B = MultiAuthorityFixture.B;

  private static final String SHARED_ONLY_FOR =
      ": records of another local authority are shared only for REFERRAL_TRIAGE, SECTION_47,"
          + " SAFEGUARDING, OPEN_CASE";

  private static final String RECORD =
      """
      query($id: ID!, $purpose: Purpose!, $asOf: Date) { child(id: $id, purpose: $purpose) {
        id records { id } family(asOf: "2024-03-01") { id openInvolvements { kind } }
        chronology(first: 100, order: OLDEST_FIRST) { edges { node { id } }
                                                      withheld { service access reason } }
        summary(asOf: "2024-03-01") { withheld { service access reason } }
        inTouch(asOf: $asOf) { now { id } previously { id }
                               coverage { service inTouchNow note } } } }
      """;

  @BeforeAll
  void authorities() {
    MultiAuthorityFixture.create();
  }

  /** Only the fixture's own note: each test adds what it needs. */
  @org.junit.jupiter.api.BeforeEach
  void onlyTheFixturesNote() {
    try (var s = org.childjourneys.TestNeo4j.driver().session()) {
      s.run("MATCH (n:Annotation {childId: 'TMA-C1'}) WHERE n.id <> 'TMA-N1' DETACH DELETE n")
          .consume();
    }
  }

  @AfterAll
  void cleanUp() {
    MultiAuthorityFixture.remove();
  }

  private org.springframework.graphql.test.tester.GraphQlTester.Response read(
      String user, String id, String purpose, String asOf) {
    return as(user)
        .document(RECORD)
        .variable("id", id)
        .variable("purpose", purpose)
        .variable("asOf", asOf)
        .execute();
  }

  @Test
  void everyUserBelongsToAnAuthorityAndEverySourceToItsOwner() {
    as("front-door-b")
        .document("{ me { name role team authority } }")
        .execute()
        .path("me.role")
        .entity(String.class)
        .isEqualTo("FRONT_DOOR")
        .path("me.team")
        .valueIsNull()
        .path("me.authority")
        .entity(String.class)
        .isEqualTo(B);
    as("frontline-b")
        .document("{ me { team authority } }")
        .execute()
        .path("me")
        .entity(Map.class)
        .isEqualTo(Map.of("team", MultiAuthorityFixture.B_TEAM, "authority", B));
    // users not given an authority are the deployment's own (childjourneys.authority.la-code)
    as("frontline")
        .document("{ me { authority } }")
        .execute()
        .path("me.authority")
        .entity(String.class)
        .isEqualTo(A);
    var sources =
        as("admin")
            .document("{ dataSources { system authority } }")
            .execute()
            .path("dataSources")
            .entityList(Map.class)
            .get();
    Map<Object, Object> owners = new java.util.HashMap<>();
    sources.forEach(s -> owners.put(s.get("system"), s.get("authority")));
    assertThat(owners)
        .containsEntry("TMA_A_SOCIAL_CARE", A)
        .containsEntry("TMA_B_SOCIAL_CARE", B)
        .containsEntry("SYN_SOCIAL_CARE", A) // the synthetic authority is the deployment's own
        .doesNotContainKey("TMA_A_EDUCATION"); // no source recorded: A's, as the deployment's own
  }

  @Test
  void theNewAuthoritysFrontDoorSeesTheOldAuthoritysHistoryForTriage() {
    var triage = read("front-door-b", "TMA-C1", "REFERRAL_TRIAGE", "2024-03-01");
    triage
        .path("child.chronology.edges[*].node.id")
        .entityList(String.class)
        .containsExactly(
            "TMA-I5", "TMA-K1", "TMA-I1", "TMA-E1", "TMA-I2", "TMA-N1", "TMA-K2", "TMA-I3");
    triage.path("child.chronology.withheld").entityList(Map.class).hasSize(0);
    triage.path("child.summary.withheld").entityList(Map.class).hasSize(0);
    triage
        .path("child.records[*].id")
        .entityList(String.class)
        .containsExactly( // in system order
            "TMA_A_EDUCATION:TMA-1", "TMA_A_SOCIAL_CARE:TMA-1", "TMA_B_SOCIAL_CARE:TMA-1");
    triage
        .path("child.inTouch.now[*].id")
        .entityList(String.class)
        .containsExactly("TMA-I3", "TMA-I5");
    triage
        .path("child.inTouch.previously[*].id")
        .entityList(String.class)
        .containsExactly("TMA-I1", "TMA-I2");
    triage
        .path("child.family")
        .entityList(Map.class)
        .containsExactly(
            Map.of(
                "id", "TMA-A1", "openInvolvements", List.of(Map.of("kind", "HOMELESSNESS_CASE"))));
    Map<?, ?> education = coverage(triage, "EDUCATION");
    assertThat(education.get("inTouchNow")).isEqualTo(true);
    assertThat(education.get("note")).isEqualTo("In touch on 2024-03-01.");
  }

  @Test
  void outsideTheCrossAuthorityPurposesTheOtherAuthoritysItemsAreWithheldWithTheOwnerNamed() {
    var assessment = read("frontline-b", "TMA-C1", "EARLY_HELP_ASSESSMENT", "2024-03-01");
    assessment
        .path("child.chronology.edges[*].node.id")
        .entityList(String.class)
        .containsExactly("TMA-K2", "TMA-I3");
    List<Map> withheld = assessment.path("child.chronology.withheld").entityList(Map.class).get();
    // the sharing rules' own entries first (early help and health need consent, police withheld),
    // then one per service holding another authority's facts
    assertThat(withheld)
        .extracting(w -> w.get("service") + " " + w.get("access"))
        .containsExactly(
            "EARLY_HELP CONSENT_NOT_GIVEN",
            "POLICE WITHHELD",
            "HEALTH CONSENT_NOT_GIVEN",
            "SOCIAL_CARE WITHHELD",
            "EDUCATION WITHHELD",
            "PRACTITIONER_NOTE WITHHELD");
    assertThat(withheld.subList(3, 6))
        .extracting(w -> w.get("reason"))
        .containsOnly("Held by " + A + SHARED_ONLY_FOR);
    assessment.path("child.summary.withheld").entityList(Map.class).isEqualTo(withheld);
    assessment
        .path("child.records[*].id")
        .entityList(String.class)
        .containsExactly("TMA_B_SOCIAL_CARE:TMA-1");
    assessment.path("child.inTouch.now[*].id").entityList(String.class).containsExactly("TMA-I3");
    assessment.path("child.inTouch.previously[*].id").entityList(String.class).hasSize(0);
    // the mother is on A's record only
    assessment.path("child.family").entityList(Map.class).hasSize(0);
    Map<?, ?> socialCare = coverage(assessment, "SOCIAL_CARE");
    assertThat(socialCare.get("inTouchNow")).isEqualTo(true); // B's own CIN episode is open
    assertThat(socialCare.get("note"))
        .isEqualTo(
            "In touch on 2024-03-01. Not shown for this purpose: Held by " + A + SHARED_ONLY_FOR);
    Map<?, ?> education = coverage(assessment, "EDUCATION");
    assertThat(education.get("inTouchNow")).isNull(); // not shown is not "not involved"
    assertThat(education.get("note"))
        .isEqualTo("Not shown for this purpose: Held by " + A + SHARED_ONLY_FOR);

    // before B was involved, B's reader sees nothing of the social care A held, and is told why
    var before = read("frontline-b", "TMA-C1", "EARLY_HELP_ASSESSMENT", "2023-06-01");
    before.path("child.inTouch.now").entityList(Map.class).hasSize(0);
    assertThat(coverage(before, "SOCIAL_CARE").get("inTouchNow")).isNull();

    // an item B's reader may not see cannot be annotated either: it reads like a missing one
    as("frontline-b")
        .document(
            "mutation { flagChronologyItem(purpose: EARLY_HELP_ASSESSMENT, childId: \"TMA-C1\","
                + " itemId: \"TMA-I1\", flag: NEED) { id } }")
        .execute()
        .errors()
        .satisfy(
            errors ->
                assertThat(errors.get(0).getMessage())
                    .isEqualTo(
                        "itemId: 'TMA-I1' is not a contact, involvement or event of this child"));
  }

  @Test
  void theOldAuthoritySeesTheNewAuthoritysItemsOnlyUnderTheRules() {
    // a note written by B's practitioner belongs to B
    as("frontline-b")
        .document(
            "mutation { addChronologyNote(purpose: SAFEGUARDING, childId: \"TMA-C1\","
                + " date: \"2024-02-10\", text: \"Seen at home (B)\") { id } }")
        .execute()
        .path("addChronologyNote.id")
        .hasValue();
    var assessment = read("frontline", "TMA-C1", "EARLY_HELP_ASSESSMENT", "2024-03-01");
    assessment
        .path("child.chronology.edges[*].node.id")
        .entityList(String.class)
        .containsExactly("TMA-I5", "TMA-K1", "TMA-I1", "TMA-E1", "TMA-I2", "TMA-N1");
    assertThat(assessment.path("child.chronology.withheld").entityList(Map.class).get())
        .extracting(w -> w.get("service") + " " + w.get("reason"))
        .endsWith(
            "SOCIAL_CARE Held by " + B + SHARED_ONLY_FOR,
            "PRACTITIONER_NOTE Held by " + B + SHARED_ONLY_FOR)
        .hasSize(5);
    assessment.path("child.inTouch.now[*].id").entityList(String.class).containsExactly("TMA-I5");
    assertThat(coverage(assessment, "SOCIAL_CARE").get("inTouchNow")).isNull();

    List<String> safeguarding =
        read("frontline", "TMA-C1", "SAFEGUARDING", "2024-03-01")
            .path("child.chronology.edges[*].node.id")
            .entityList(String.class)
            .get();
    assertThat(safeguarding)
        .hasSize(9) // and B's note, dated 2024-02-10
        .startsWith("TMA-I5", "TMA-K1", "TMA-I1", "TMA-E1", "TMA-I2", "TMA-N1", "TMA-K2", "TMA-I3");
  }

  @Test
  void aChildKnownOnlyToAnotherAuthorityIsNotFound() {
    for (String purpose : List.of("REFERRAL_TRIAGE", "SAFEGUARDING")) {
      read("front-door-b", "TMA-C2", purpose, null).errors().verify().path("child").valueIsNull();
      read("front-door", "TMA-C3", purpose, null).errors().verify().path("child").valueIsNull();
    }
    String search =
        "query($name: String) { searchChildren(purpose: REFERRAL_TRIAGE, name: $name) {"
            + " child { id } } }";
    as("front-door-b")
        .document(search)
        .variable("name", "Tobias Onlya")
        .execute()
        .path("searchChildren[*].child.id")
        .entityList(String.class)
        .doesNotContain("TMA-C2");
    as("front-door")
        .document(search)
        .variable("name", "Tobias Onlya")
        .execute()
        .path("searchChildren[0].child.id")
        .entity(String.class)
        .isEqualTo("TMA-C2");
    as("front-door")
        .document(search)
        .variable("name", "Bella Onlyb")
        .execute()
        .path("searchChildren[*].child.id")
        .entityList(String.class)
        .doesNotContain("TMA-C3");
    as("front-door-b")
        .document(search)
        .variable("name", "Bella Onlyb")
        .execute()
        .path("searchChildren[0].child.id")
        .entity(String.class)
        .isEqualTo("TMA-C3");
    List<Object> children =
        as("front-door-b")
            .document(
                "{ children(ids: [\"TMA-C1\", \"TMA-C2\"], purpose: REFERRAL_TRIAGE) { id } }")
            .execute()
            .path("children")
            .entityList(Object.class)
            .get();
    assertThat(children).hasSize(2);
    assertThat(children.get(0)).isEqualTo(Map.of("id", "TMA-C1"));
    assertThat(children.get(1)).isNull();
  }

  @Test
  void everyCrossAuthorityReadIsAuditedWithTheOwnerAndWhetherItWasShown() {
    read("front-door-b", "TMA-C1", "REFERRAL_TRIAGE", null).path("child.id").hasValue();
    read("frontline-b", "TMA-C1", "EARLY_HELP_ASSESSMENT", null).path("child.id").hasValue();
    read("front-door-b", "TMA-C2", "REFERRAL_TRIAGE", null).path("child").valueIsNull();
    List<Map> log =
        as("quality-assurance")
            .document(
                "{ accessLog(childId: \"TMA-C1\", last: 2) { actor purpose what allowed found } }")
            .execute()
            .path("accessLog")
            .entityList(Map.class)
            .get();
    assertThat(log)
        .extracting(e -> e.get("actor") + " " + e.get("purpose") + " " + e.get("what"))
        .containsExactly(
            "frontline-b EARLY_HELP_ASSESSMENT child record:"
                + " chronology,family,id,inTouch,records,summary;"
                + " records held by "
                + A
                + " withheld",
            "front-door-b REFERRAL_TRIAGE child record: chronology,family,id,inTouch,records,summary;"
                + " records held by "
                + A
                + " shown");
    as("quality-assurance")
        .document("{ accessLog(childId: \"TMA-C2\", last: 1) { actor allowed found } }")
        .execute()
        .path("accessLog[0]")
        .entity(Map.class)
        .isEqualTo(Map.of("actor", "front-door-b", "allowed", false, "found", false));
  }

  private static Map<?, ?> coverage(
      org.springframework.graphql.test.tester.GraphQlTester.Response response, String service) {
    return response.path("child.inTouch.coverage").entityList(Map.class).get().stream()
        .filter(c -> service.equals(c.get("service")))
        .findFirst()
        .orElseThrow();
  }
}
