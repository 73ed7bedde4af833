package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenericCsvImportTest extends ImportTestBase {

  static final LocalDate REFERENCE = LocalDate.of(2026, 3, 31);

  @Test
  void peopleFamilyContactsInvolvementsAndEventsLoadAndLink() throws Exception {
    ImportJob job =
        runImport(
            ImportFormat.CSV, "COUNCIL_EH", REFERENCE, ImportMode.DELTA, EXAMPLES.resolve("csv"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id())).isEmpty();
    // 4 people + 3 relationships + 1 contact + 4 involvements + 3 events + 1 coverage row
    // (coverage rows set the window; they are not counted as facts).
    assertThat(job.counts().read()).isEqualTo(15);
    assertThat(job.coveredFrom()).isEqualTo(LocalDate.of(2023, 4, 1));

    assertThat(count("MATCH (c:Child) RETURN count(c)")).isEqualTo(3);
    assertThat(count("MATCH (a:Adult {restricted: true}) RETURN count(a)")).isEqualTo(1);
    assertThat(
            query(
                    "MATCH (a:Adult)-[p:PARENT_OF]->(c:Child)<-[:REFERS_TO]-(r:PersonRecord)"
                        + " RETURN r.localId AS child, p.relationship AS rel, p.parentalResponsibility AS pr"
                        + " ORDER BY child")
                .stream()
                .map(
                    r ->
                        r.get("child").asString()
                            + " "
                            + r.get("rel").asString()
                            + " "
                            + r.get("pr").asBoolean())
                .toList())
        .containsExactly("P1 MOTHER true", "P2 MOTHER true");
    assertThat(count("MATCH (:Child)-[s:SIBLING_OF]-(:Child) RETURN count(s) / 2")).isEqualTo(1);
    // The assessment is part of the plan listed after it; the contact led to the plan.
    assertThat(
            count(
                "MATCH (:Contact {decision: 'EARLY_HELP'})-[:LED_TO]->(p:Involvement {kind: 'EARLY_HELP_PLAN'})"
                    + "<-[:PART_OF]-(:Involvement {kind: 'EARLY_HELP_ASSESSMENT'}) RETURN count(p)"))
        .isEqualTo(1);
    assertThat(
            query(
                    "MATCH (w:Professional)-[:ALLOCATED]->(i:Involvement {id: 'COUNCIL_EH:INV:EH1'})-[:WITH]->(t:Team)"
                        + " RETURN w.name AS worker, t.name AS team")
                .get(0)
                .get("team")
                .asString())
        .isEqualTo("Family Help North");
    assertThat(
            query(
                    "MATCH (e:Event {id: 'COUNCIL_EH:EVT:EV1'}) RETURN e.needCodes AS n, e.traumatic AS t")
                .get(0)
                .get("n")
                .asList())
        .containsExactly("3A");
    assertThat(
            count(
                "MATCH (:PersonRecord {localId: 'P4'})-[:HAS_IDENTIFIER]->(i:Identifier {key: 'YOT_NUMBER@999:YOT123'})"
                    + " RETURN count(i)"))
        .isEqualTo(1);
  }

  /** docs/security.md, "Several authorities in one graph". */
  @Test
  void aSourceSystemBelongsToTheAuthorityItsFirstImportNamesAndKeepsIt() throws Exception {
    ImportJob owned =
        runImportOwnedBy(
            "E06000998",
            ImportFormat.CSV,
            "COUNCIL_EH",
            REFERENCE,
            ImportMode.DELTA,
            EXAMPLES.resolve("csv"));
    assertThat(owned.status()).as(owned.error()).isEqualTo("SUCCEEDED");
    assertThat(
            query(
                    "MATCH (s:DataSource {system: 'COUNCIL_EH'})"
                        + " RETURN s.authority + ' ' + s.claimedByJob AS owner")
                .get(0)
                .get("owner")
                .asString())
        .isEqualTo("E06000998 " + owned.id());
    long records = count("MATCH (r:PersonRecord {system: 'COUNCIL_EH'}) RETURN count(r)");

    // the same system imported for the service's own authority (E06000999 in the tests) is refused
    // before anything is written
    ImportJob refused =
        runImport(
            ImportFormat.CSV, "COUNCIL_EH", REFERENCE, ImportMode.DELTA, EXAMPLES.resolve("csv"));
    assertThat(refused.status()).isEqualTo("FAILED");
    assertThat(refused.error())
        .isEqualTo(
            "Source system COUNCIL_EH belongs to authority E06000998, not E06000999: import"
                + " another authority's records under a system of its own (system=...)");
    assertThat(count("MATCH (r:PersonRecord {system: 'COUNCIL_EH'}) RETURN count(r)"))
        .isEqualTo(records);
    assertThat(
            query("MATCH (s:DataSource {system: 'COUNCIL_EH'}) RETURN s.authority AS a")
                .get(0)
                .get("a")
                .asString())
        .isEqualTo("E06000998");

    // without an authority, a system belongs to the service's own
    ImportJob own =
        runImport(
            ImportFormat.CSV, "COUNCIL_EH_A", REFERENCE, ImportMode.DELTA, EXAMPLES.resolve("csv"));
    assertThat(own.status()).as(own.error()).isEqualTo("SUCCEEDED");
    assertThat(
            query("MATCH (s:DataSource {system: 'COUNCIL_EH_A'}) RETURN s.authority AS a")
                .get(0)
                .get("a")
                .asString())
        .isEqualTo("E06000999");

    assertThat(ImportJobService.authority(" e06000998 ")).isEqualTo("E06000998");
    assertThat(ImportJobService.authority("")).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImportJobService.authority("999"))
        .hasMessage("authority must be the local authority's ONS code, e.g. E06000001; was 999");
  }

  @Test
  void recordsFromDifferentSourcesJoinTheSameChildByExactIdentifiers() throws Exception {
    runImport(
        ImportFormat.SSDA903,
        "SSDA903",
        REFERENCE,
        ImportMode.SNAPSHOT,
        EXAMPLES.resolve("ssda903"));
    runImport(ImportFormat.CSV, "COUNCIL_EH", REFERENCE, ImportMode.DELTA, EXAMPLES.resolve("csv"));

    // P1 shares A1's UPN: one child with records in both systems.
    assertThat(
            query(
                    "MATCH (r:PersonRecord {system: 'COUNCIL_EH', localId: 'P1'})-[:REFERS_TO]->(c:Child)"
                        + "<-[:REFERS_TO]-(o:PersonRecord {system: 'SSDA903'}) RETURN o.localId AS id")
                .stream()
                .map(r -> r.get("id").asString()))
        .containsExactly("A1");
  }

  @Test
  void aDeltaOnlyAddsAndUpdatesAndAnOlderRowDoesNotOverwriteANewerOne() throws Exception {
    runImport(ImportFormat.CSV, "COUNCIL_EH", REFERENCE, ImportMode.DELTA, EXAMPLES.resolve("csv"));
    Path delta = Path.of("target", "test-imports", "delta");
    Files.createDirectories(delta);
    Files.write(
        delta.resolve("events.csv"),
        List.of(
            "event_id,person_id,service,kind,date,traumatic,strength,need_codes,detail,changed_at",
            // newer: updates EV2
            "EV2,P1,EDUCATION,SUSPENSION,2025-10-02,0,0,,3 days,2025-10-04T08:00:00",
            // older than what is stored: ignored
            "EV3,P4,YOUTH_JUSTICE,ACHIEVEMENT,2026-01-20,0,1,,Old text,2026-01-01T08:00:00",
            // new
            "EV4,P4,POLICE,ARREST,2026-02-02,1,0,,,2026-02-03T08:00:00"));

    ImportJob job = runImport(ImportFormat.CSV, "COUNCIL_EH", REFERENCE, ImportMode.DELTA, delta);

    assertThat(job.counts().created()).isEqualTo(1);
    assertThat(job.counts().updated()).isEqualTo(1);
    // Unchanged: EV3 (older than what is stored) and the records of P1 and P4 the rows name.
    assertThat(job.counts().unchanged()).isEqualTo(3);
    assertThat(job.counts().retired()).isZero();
    assertThat(count("MATCH (e:Event) WHERE e.retiredAt IS NULL RETURN count(e)")).isEqualTo(4);
    assertThat(
            query("MATCH (e:Event {id: 'COUNCIL_EH:EVT:EV3'}) RETURN e.detail AS d")
                .get(0)
                .get("d")
                .asString())
        .isEqualTo("Completed reparation");
  }

  @Test
  void messyRowsAreRejectedWithFileRowFieldAndReason() throws Exception {
    ImportJob job =
        runImport(
            ImportFormat.CSV,
            "COUNCIL_EH",
            REFERENCE,
            ImportMode.DELTA,
            MESSY.resolve("csv-messy"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id()))
        .extracting(
            Rejection::file,
            Rejection::location,
            Rejection::field,
            Rejection::value,
            Rejection::reason)
        .containsExactly(
            tuple("empty.csv", "file", null, null, "empty file: no header row"),
            tuple(
                "unrelated.csv",
                "header",
                null,
                "name,colour",
                "not a generic CSV table: the header row has the columns of none of [people [person_id, person_type],"
                    + " relationships [person_id, related_person_id, relationship],"
                    + " involvements [involvement_id, person_id, service, kind, start], contacts [contact_id, person_id, received_at], events [event_id, person_id, service, kind, date],"
                    + " coverage [service, covered_from, covered_to]]"),
            tuple(
                "people.csv",
                "row 3",
                "nhs_number",
                "9434765918",
                "not a valid NHS number (10 digits with a mod-11 check digit)"),
            tuple(
                "people.csv",
                "row 4",
                "nhs_number",
                "0000000000",
                "placeholder NHS number (repeated digit), not an identifier"),
            tuple("people.csv", "row 4", "upn", "UN2", "a UPNunknown code is not a UPN"),
            tuple(
                "people.csv",
                "row 5",
                "person_type",
                "PUPPY",
                "not one of [ADULT, CHILD]; record not loaded"),
            tuple(
                "people.csv",
                "row 6",
                "birth_date",
                "2099-01-01",
                "date is after the extract's reference date 2026-03-31"),
            tuple(
                "people.csv",
                "row 7",
                null,
                "Q6,CHILD,Broken",
                "broken row: 3 values for 8 columns"),
            tuple(
                "events.csv",
                "row 3",
                "service",
                "PLANET",
                "not one of [EARLY_HELP, EDUCATION, HEALTH, HOUSING, POLICE, SEND_NEET, SOCIAL_CARE, UNIVERSAL, YOUTH_JUSTICE];"
                    + " record not loaded"),
            tuple(
                "events.csv",
                "row 4",
                "date",
                "05/13/2025",
                "not a valid date (expected dd/mm/yyyy); record not loaded"),
            tuple(
                "events.csv",
                "row 5",
                "traumatic",
                "maybe",
                "not a yes/no value (1/0, Y/N, true/false)"));
    assertThat(job.counts().read()).isEqualTo(11);
    assertThat(job.counts().rejected()).isEqualTo(11);
    // Loaded: Q1, Q2, Q3, Q5 and L1 (from the Windows-1252 file, accents intact); E1 and E4.
    assertThat(count("MATCH (r:PersonRecord) RETURN count(r)")).isEqualTo(5);
    assertThat(
            query(
                    "MATCH (r:PersonRecord {localId: 'L1'}) RETURN r.givenName + ' ' + r.familyName AS n")
                .get(0)
                .get("n")
                .asString())
        .isEqualTo("Zoë Brûlé");
    assertThat(count("MATCH (e:Event) RETURN count(e)")).isEqualTo(2);
    assertThat(count("MATCH (i:Identifier) RETURN count(i)")).isEqualTo(1);
  }
}
