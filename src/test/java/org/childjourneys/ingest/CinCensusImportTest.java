package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CinCensusImportTest extends ImportTestBase {

  @Test
  void theCinEpisodeIsTheUnitWithItsAssessmentsPlansAndEnquiriesInside() throws Exception {
    ImportJob job =
        runImport(
            ImportFormat.CIN,
            "CIN_CENSUS",
            null,
            ImportMode.SNAPSHOT,
            EXAMPLES.resolve("cin/cin-census.xml"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id())).isEmpty();
    assertThat(job.referenceDate()).isEqualTo(LocalDate.of(2026, 3, 31));
    // 2 children, 2 episodes, 1 assessment, 2 s47, 2 CP plans, 1 CP review.
    assertThat(job.counts().read()).isEqualTo(10);

    var parts =
        query(
            """
            MATCH (p:Involvement)-[:PART_OF]->(e:Involvement {kind: 'CIN_EPISODE'})<-[:HAD]-(r:PersonRecord)
            RETURN r.localId AS child, p.kind AS kind, p.start AS start
            ORDER BY child, start, kind
            """);
    assertThat(parts)
        .extracting(
            r -> r.get("child").asString(),
            r -> r.get("kind").asString(),
            r -> r.get("start").asLocalDate().toString())
        .containsExactly(
            tuple("A1", "ASSESSMENT", "2025-03-21"),
            tuple("A1", "S47_ENQUIRY", "2025-04-02"),
            tuple("A1", "CP_PLAN", "2025-04-16"),
            tuple("U9", "S47_ENQUIRY", "2026-01-12"),
            tuple("U9", "CP_PLAN", "2026-01-26"));
    var plan =
        query("MATCH (p:Involvement {kind: 'CP_PLAN', start: date('2025-04-16')}) RETURN p")
            .get(0)
            .get("p");
    assertThat(plan.get("initialCategory").asString()).isEqualTo("EMO");
    assertThat(plan.get("latestCategory").asString()).isEqualTo("NEG");
    assertThat(
            query("MATCH (a:Involvement {kind: 'ASSESSMENT'}) RETURN a.needCodes AS codes")
                .get(0)
                .get("codes")
                .asList())
        .containsExactly("3B", "4B");
    var episode =
        query("MATCH (e:Involvement {kind: 'CIN_EPISODE', start: date('2025-03-20')}) RETURN e")
            .get(0)
            .get("e");
    assertThat(episode.get("referralSource").asString()).isEqualTo("2A");
    assertThat(episode.get("referralNfa").asBoolean()).isFalse();
    assertThat(episode.get("end").isNull()).isTrue();
    // An unborn child: expected birth date after the reference date is allowed, UN8 is not a UPN.
    var unborn = query("MATCH (r:PersonRecord {localId: 'U9'}) RETURN r").get(0).get("r");
    assertThat(unborn.get("unborn").asBoolean()).isTrue();
    assertThat(unborn.get("expectedBirthDate").asLocalDate()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(unborn.get("upnUnknown").asString()).isEqualTo("UN8");
    assertThat(
            count("MATCH (:PersonRecord {localId: 'U9'})-[:HAS_IDENTIFIER]->(i) RETURN count(i)"))
        .isEqualTo(1);
  }

  @Test
  void theCinRecordJoinsThe903ChildByTheLaChildIdAndUpn() throws Exception {
    runImport(
        ImportFormat.SSDA903,
        "SSDA903",
        LocalDate.of(2026, 3, 31),
        ImportMode.SNAPSHOT,
        EXAMPLES.resolve("ssda903"));
    runImport(
        ImportFormat.CIN,
        "CIN_CENSUS",
        null,
        ImportMode.SNAPSHOT,
        EXAMPLES.resolve("cin/cin-census.xml"));

    assertThat(
            query(
                    "MATCH (r:PersonRecord)-[l:REFERS_TO]->(c:Child)<-[:REFERS_TO]-(o:PersonRecord)"
                        + " WHERE r.system = 'CIN_CENSUS' AND o.system = 'SSDA903'"
                        + " RETURN r.localId AS id, l.method AS method, l.status AS status")
                .stream()
                .map(
                    r ->
                        r.get("id").asString()
                            + " "
                            + r.get("method").asString()
                            + " "
                            + r.get("status").asString())
                .toList())
        .containsExactly("A1 EXACT_IDENTIFIER CONFIRMED");
    // 4 children from the 903 and the unborn U9 from the census.
    assertThat(count("MATCH (c:Child) RETURN count(c)")).isEqualTo(5);
  }

  @Test
  void messyRecordsAreRejectedOneByOneAndTheRestLoads() throws Exception {
    ImportJob job =
        runImport(
            ImportFormat.CIN,
            "CIN_CENSUS",
            null,
            ImportMode.SNAPSHOT,
            MESSY.resolve("cin-messy.xml"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id()))
        .extracting(Rejection::location, Rejection::field, Rejection::value, Rejection::reason)
        .containsExactly(
            tuple(
                "Message/Children/Child[1]/ChildIdentifiers[1]",
                "UPN",
                "UN3",
                "a UPNunknown code is not a UPN"),
            tuple(
                "Message/Children/Child[1]/ChildCharacteristics[1]",
                "Ethnicity",
                "XXXX",
                "unknown code XXXX (list ETHNICITY)"),
            tuple(
                "Message/Children/Child[1]/CINdetails[1]",
                "CINclosureDate",
                "2020-05-01",
                "closed before the referral date 2020-06-01; record not loaded"),
            tuple(
                "Message/Children/Child[1]/CINdetails[2]",
                "ReferralSource",
                "99",
                "unknown code 99 (list CIN_REFERRAL_SOURCE)"),
            tuple(
                "Message/Children/Child[1]/CINdetails[2]/Assessments[1]",
                "AssessmentFactors",
                "24A",
                "code 24A is not valid for the 2021 collection (valid from 2022)"),
            tuple(
                "Message/Children/Child[1]/CINdetails[2]/CINPlanDates[1]",
                "CINPlanStartDate",
                "2022-01-01",
                "date is after the extract's reference date 2021-03-31; record not loaded"),
            tuple(
                "Message/Children/Child[2]/ChildIdentifiers[1]",
                "LAchildID",
                null,
                "required value is missing; record not loaded"),
            tuple(
                "Message/Children/Child[2]/ChildIdentifiers[1]",
                "UPN",
                "A123",
                "not a valid UPN (check letter, 11 digits, final character)"),
            tuple(
                "Message/Children/Child[3] (line 41)",
                "ChildIdentifiers",
                null,
                "missing ChildIdentifiers block; child not loaded"));
    assertThat(job.counts().read()).isEqualTo(7);
    assertThat(job.counts().rejected()).isEqualTo(9);
    assertThat(count("MATCH (i:Involvement) RETURN count(i)")).isEqualTo(2);
    assertThat(
            query("MATCH (a:Involvement {kind: 'ASSESSMENT'}) RETURN a.needCodes AS codes")
                .get(0)
                .get("codes")
                .asList())
        .containsExactly("16A");
  }

  @Test
  void anEntityExpansionBombIsRefusedBeforeAnythingExpands() throws Exception {
    ImportJob job =
        runImport(
            ImportFormat.CIN,
            "CIN_CENSUS",
            null,
            ImportMode.SNAPSHOT,
            MESSY.resolve("cin-entity-bomb.xml"));

    assertThat(job.status()).isEqualTo("FAILED");
    assertThat(job.error()).contains("cin-entity-bomb.xml").contains("DTD");
    assertThat(count("MATCH (r:PersonRecord) RETURN count(r)")).isZero();
  }

  @Test
  void theWrongFileForTheFormatFailsWithItsName() throws Exception {
    ImportJob wrongXml =
        runImport(
            ImportFormat.CIN,
            "CIN_CENSUS",
            null,
            ImportMode.SNAPSHOT,
            MESSY.resolve("not-cin.xml"));
    assertThat(wrongXml.status()).isEqualTo("FAILED");
    assertThat(wrongXml.error())
        .isEqualTo(
            "not-cin.xml: not a CIN census file (the root element is <Workbook>, expected <Message>)");

    ImportJob csv =
        runImport(
            ImportFormat.CIN,
            "CIN_CENSUS",
            null,
            ImportMode.SNAPSHOT,
            EXAMPLES.resolve("ssda903/header.csv"));
    assertThat(csv.status()).isEqualTo("FAILED");
    assertThat(csv.error()).startsWith("header.csv line 1: not well-formed XML");
  }
}
