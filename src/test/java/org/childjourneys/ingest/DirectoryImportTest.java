package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

class DirectoryImportTest extends ImportTestBase {

  static final LocalDate REFERENCE = LocalDate.of(2026, 3, 31);
  static final String SERVICES =
      "[EARLY_HELP, EDUCATION, HEALTH, HOUSING, POLICE, SEND_NEET, SOCIAL_CARE, UNIVERSAL,"
          + " YOUTH_JUSTICE]";

  @Test
  void teamsWorkersAndTheirTimeInTeamsLoadWithContactDetails() throws Exception {
    ImportJob job =
        runImport(
            ImportFormat.DIRECTORY,
            "COUNCIL_EH",
            REFERENCE,
            ImportMode.DELTA,
            EXAMPLES.resolve("directory"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id())).isEmpty();
    assertThat(job.counts().read()).isEqualTo(6);
    // 5 teams and 5 workers (W17 has two rows: two teams in turn).
    assertThat(job.counts().created()).isEqualTo(10);
    assertThat(job.counts().updated()).isZero();

    Record w17 =
        query(
                "MATCH (p:Professional {id: 'COUNCIL_EH:WORKER:W17'}) RETURN p.name AS name,"
                    + " p.role AS role, p.phone AS phone, p.email AS email, p.nameKey AS key,"
                    + " p.sourceSystem AS system, p.sourceFile AS file, p.sourceRecord AS record")
            .get(0);
    assertThat(w17.get("name").asString()).isEqualTo("Sam Worker");
    // Details come from the latest (open) membership.
    assertThat(w17.get("role").asString()).isEqualTo("Family support worker");
    assertThat(w17.get("phone").asString()).isEqualTo("0161 496 0217");
    assertThat(w17.get("email").asString()).isEqualTo("sam.worker@council.example");
    assertThat(w17.get("key").asString()).isEqualTo("sam worker");
    assertThat(w17.get("system").asString()).isEqualTo("COUNCIL_EH");
    assertThat(w17.get("file").asString()).isEqualTo("staff-directory.csv");
    assertThat(w17.get("record").asString()).isEqualTo("row 3");
    assertThat(
            query(
                    "MATCH (:Professional {id: 'COUNCIL_EH:WORKER:W17'})-[m:MEMBER_OF]->(t:Team)"
                        + " RETURN t.name AS team, m.from AS from, m.to AS to ORDER BY m.from")
                .stream()
                .map(
                    r ->
                        tuple(
                            r.get("team").asString(),
                            r.get("from").asLocalDate(),
                            r.get("to").isNull() ? null : r.get("to").asLocalDate()))
                .toList())
        .containsExactly(
            tuple("Family Help South", LocalDate.of(2019, 1, 7), LocalDate.of(2021, 8, 31)),
            tuple("Family Help North", LocalDate.of(2021, 9, 1), null));
    assertThat(
            query("MATCH (p:Professional {nameKey: 'priya sharma'}) RETURN p.id AS id")
                .get(0)
                .get("id")
                .asString())
        .isEqualTo("COUNCIL_EH:WORKER:W41");

    Record north =
        query(
                "MATCH (t:Team {id: 'COUNCIL_EH:TEAM:Family Help North'})-[:PART_OF]->(o:Organisation)"
                    + " MATCH (t)-[:DELIVERS]->(s:Service)"
                    + " RETURN t.email AS email, t.phone AS phone, t.service AS service,"
                    + " t.nameKey AS key, o.id AS org, s.code AS delivers")
            .get(0);
    assertThat(north.get("email").asString()).isEqualTo("familyhelp.north@council.example");
    assertThat(north.get("phone").asString()).isEqualTo("0161 496 0200");
    assertThat(north.get("service").asString()).isEqualTo("EARLY_HELP");
    assertThat(north.get("key").asString()).isEqualTo("family help north");
    assertThat(north.get("org").asString()).isEqualTo("LA-999");
    assertThat(north.get("delivers").asString()).isEqualTo("EARLY_HELP");
    // Organisations are named as the synthetic generator names them: a URN is a school, a
    // three-character ODS code an NHS trust.
    assertThat(
            query(
                    "MATCH (t:Team)-[:PART_OF]->(o:Organisation) WHERE o.kind <> 'LOCAL_AUTHORITY'"
                        + " RETURN t.name AS team, o.id AS id, o.kind AS kind ORDER BY team")
                .stream()
                .map(
                    r ->
                        tuple(
                            r.get("team").asString(),
                            r.get("id").asString(),
                            r.get("kind").asString()))
                .toList())
        .containsExactly(
            tuple("Oakfield Primary School Pastoral Team", "URN-999101", "SCHOOL"),
            tuple("School Nursing Team", "NHS-RSY", "NHS_TRUST"));
    assertThat(
            query(
                    "MATCH (s:DataSource {system: 'COUNCIL_EH'}) RETURN s.services AS services,"
                        + " s.asAt AS asAt")
                .get(0)
                .get("asAt")
                .asLocalDate())
        .isEqualTo(REFERENCE);

    ImportJob again =
        runImport(
            ImportFormat.DIRECTORY,
            "COUNCIL_EH",
            REFERENCE,
            ImportMode.DELTA,
            EXAMPLES.resolve("directory"));
    assertThat(again.status()).isEqualTo("SUCCEEDED");
    assertThat(again.counts().created()).isZero();
    assertThat(again.counts().updated()).isZero();
    assertThat(again.counts().unchanged()).isEqualTo(10);
    assertThat(count("MATCH (:Professional)-[m:MEMBER_OF]->(:Team) RETURN count(m)")).isEqualTo(6);
    assertThat(count("MATCH (o:Organisation) RETURN count(o)")).isEqualTo(3);
  }

  @Test
  void aDirectoryGivesWorkersAndTeamsAllocatedByAGenericCsvImportTheirPhoneAndEmail()
      throws Exception {
    runImport(ImportFormat.CSV, "COUNCIL_EH", REFERENCE, ImportMode.DELTA, EXAMPLES.resolve("csv"));
    assertThat(
            query("MATCH (p:Professional {id: 'COUNCIL_EH:WORKER:W17'}) RETURN p.phone AS phone")
                .get(0)
                .get("phone")
                .isNull())
        .isTrue();

    ImportJob job =
        runImport(
            ImportFormat.DIRECTORY,
            "COUNCIL_EH",
            REFERENCE,
            ImportMode.DELTA,
            EXAMPLES.resolve("directory"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    // W17, W40 and the teams Family Help North and Youth Justice Service existed already.
    assertThat(job.counts().created()).isEqualTo(6);
    assertThat(job.counts().updated()).isEqualTo(4);
    Record reach =
        query(
                "MATCH (p:Professional)-[:ALLOCATED]->(i:Involvement {id: 'COUNCIL_EH:INV:EH1'})"
                    + "-[:WITH]->(t:Team)-[:PART_OF]->(o:Organisation)"
                    + " RETURN p.name AS name, p.phone AS phone, p.email AS email,"
                    + " t.email AS teamEmail, t.phone AS teamPhone, o.id AS org")
            .get(0);
    assertThat(reach.get("name").asString()).isEqualTo("Sam Worker");
    assertThat(reach.get("phone").asString()).isEqualTo("0161 496 0217");
    assertThat(reach.get("email").asString()).isEqualTo("sam.worker@council.example");
    assertThat(reach.get("teamEmail").asString()).isEqualTo("familyhelp.north@council.example");
    assertThat(reach.get("teamPhone").asString()).isEqualTo("0161 496 0200");
    assertThat(reach.get("org").asString()).isEqualTo("LA-999");
    assertThat(
            query(
                    "MATCH (p:Professional)-[:ALLOCATED]->(:Involvement {id: 'COUNCIL_EH:INV:Y1'})"
                        + " RETURN p.phone AS phone")
                .get(0)
                .get("phone")
                .asString())
        .isEqualTo("07700 900401");
    // Joined, not duplicated.
    assertThat(count("MATCH (p:Professional) RETURN count(p)")).isEqualTo(5);
    assertThat(count("MATCH (t:Team) RETURN count(t)")).isEqualTo(5);
  }

  @Test
  void teamsJoinTheSchoolsAndTrustsGiasAndOdsLoaded() throws Exception {
    runImportForLa(
        ImportFormat.GIAS, "GIAS", null, REFERENCE, ImportMode.SNAPSHOT, EXAMPLES.resolve("gias"));
    runImport(ImportFormat.ODS, "ODS", REFERENCE, ImportMode.SNAPSHOT, EXAMPLES.resolve("ods"));
    long organisations = count("MATCH (o:Organisation) RETURN count(o)");

    ImportJob job =
        runImport(
            ImportFormat.DIRECTORY,
            "COUNCIL_EH",
            REFERENCE,
            ImportMode.DELTA,
            EXAMPLES.resolve("directory"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(
            query(
                    "MATCH (t:Team)-[:PART_OF]->(o:Organisation) WHERE o.kind <> 'LOCAL_AUTHORITY'"
                        + " RETURN t.name AS team, o.name AS org, o.telephone AS phone ORDER BY team")
                .stream()
                .map(
                    r ->
                        tuple(
                            r.get("team").asString(),
                            r.get("org").asString(),
                            r.get("phone").asString()))
                .toList())
        .containsExactly(
            tuple(
                "Oakfield Primary School Pastoral Team", "Oakfield Primary School", "01614960500"),
            tuple("School Nursing Team", "SYNTHETIC COMMUNITY HEALTH NHS TRUST", "0161 496 2000"));
    // Only the local authority is new: the school and the trust were already there.
    assertThat(count("MATCH (o:Organisation) RETURN count(o)")).isEqualTo(organisations + 1);
  }

  @Test
  void badRowsAreRejectedWithFileRowFieldValueAndReason() throws Exception {
    ImportJob job =
        runImport(
            ImportFormat.DIRECTORY,
            "LCS",
            REFERENCE,
            ImportMode.DELTA,
            MESSY.resolve("directory-messy"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    List<Rejection> rejections = rejections(job.id());
    assertThat(rejections)
        .extracting(Rejection::file, Rejection::location, Rejection::field, Rejection::value)
        .containsExactly(
            tuple("empty.csv", "file", null, null),
            tuple("staff.csv", "row 3", "staff_id", null),
            tuple("staff.csv", "row 4", "name", null),
            tuple("staff.csv", "row 5", "email", "bad.email.example"),
            tuple("staff.csv", "row 6", "phone", "call reception"),
            tuple("staff.csv", "row 7", "to", "2024-01-01"),
            tuple("staff.csv", "row 8", "team_service", "YOUTH_WORK"),
            tuple("staff.csv", "row 9", "from", "31/02/2024"),
            tuple("staff.csv", "row 10", "team_email", "assessment.team@council.example"),
            tuple("staff.csv", "row 11", null, "S9,Short row"));
    assertThat(rejections)
        .extracting(Rejection::reason)
        .containsExactly(
            "empty file: no header row",
            "required value is missing; record not loaded",
            "required value is missing; record not loaded",
            "not an e-mail address (name@domain.example)",
            "not a phone number (7-15 digits; only digits, spaces, +, brackets and hyphens)",
            "ends before it starts (2024-05-01); record not loaded",
            "not a service code: one of " + SERVICES + "; the team loads without it",
            "not a valid date (expected dd/mm/yyyy)",
            "team Assessment Team has team_email assessment@council.example at row 2;"
                + " the later value is kept",
            "broken row: 2 values for 12 columns");
    assertThat(job.counts().read()).isEqualTo(10);
    assertThat(job.counts().rejected()).isEqualTo(10);
    // Teams Assessment Team and Youth Team; workers S1, S3, S4, S6, S7, S8.
    assertThat(job.counts().created()).isEqualTo(8);
    assertThat(
            query(
                    "MATCH (p:Professional {id: 'LCS:WORKER:S3'}) RETURN p.email AS email,"
                        + " p.phone AS phone")
                .get(0)
                .get("email")
                .isNull())
        .isTrue();
    assertThat(
            query("MATCH (t:Team {id: 'LCS:TEAM:Assessment Team'}) RETURN t.email AS email")
                .get(0)
                .get("email")
                .asString())
        .isEqualTo("assessment.team@council.example");
    assertThat(
            query("MATCH (t:Team {id: 'LCS:TEAM:Youth Team'}) RETURN t.service AS service")
                .get(0)
                .get("service")
                .isNull())
        .isTrue();
  }

  @Test
  void aFileThatIsNotADirectoryFailsTheJobNamingIt() throws Exception {
    ImportJob job =
        runImport(
            ImportFormat.DIRECTORY,
            "LCS",
            REFERENCE,
            ImportMode.DELTA,
            EXAMPLES.resolve("gias/edubasealldata20260301.csv"));

    assertThat(job.status()).isEqualTo("FAILED");
    assertThat(job.error())
        .contains("edubasealldata20260301.csv is not a staff directory")
        .contains("staff_id, name, team");
    assertThat(count("MATCH (n:Professional) RETURN count(n)")).isZero();
  }
}
