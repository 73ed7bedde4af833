package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

class OdsImportTest extends ImportTestBase {

  static final LocalDate REFERENCE = LocalDate.of(2026, 3, 31);

  @Test
  void gpPracticesAndTrustsLoadKeyedByOdsCode() throws Exception {
    ImportJob job =
        runImport(ImportFormat.ODS, "ODS", REFERENCE, ImportMode.SNAPSHOT, EXAMPLES.resolve("ods"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id())).isEmpty();
    // 5 epraccur rows (one an out-of-hours service, read and skipped) and 3 trusts.
    assertThat(job.counts().read()).isEqualTo(8);
    assertThat(job.counts().created()).isEqualTo(7);
    assertThat(
            query(
                    "MATCH (o:Organisation) RETURN o.id AS id, o.kind AS kind, o.status AS status"
                        + " ORDER BY id")
                .stream()
                .map(
                    r ->
                        tuple(
                            r.get("id").asString(),
                            r.get("kind").asString(),
                            r.get("status").asString()))
                .toList())
        .containsExactly(
            tuple("GP-Y00001", "GP_PRACTICE", "ACTIVE"),
            tuple("GP-Y00002", "GP_PRACTICE", "ACTIVE"),
            tuple("GP-Y00003", "GP_PRACTICE", "CLOSED"),
            tuple("GP-Y00005", "GP_PRACTICE", "PROPOSED"),
            tuple("NHS-RSY", "NHS_TRUST", "ACTIVE"),
            tuple("NHS-RSZ", "NHS_TRUST", "ACTIVE"),
            tuple("NHS-RX9", "NHS_TRUST", "CLOSED"));
    Record practice =
        query(
                "MATCH (o:Organisation {code: 'Y00001'}) RETURN o.name AS name, o.address AS address,"
                    + " o.postcode AS postcode, o.telephone AS telephone, o.openDate AS opened,"
                    + " o.closeDate AS closed, o.commissioner AS commissioner,"
                    + " o.nationalGrouping AS grouping, o.sourceFile AS file,"
                    + " o.sourceRecord AS record")
            .get(0);
    assertThat(practice.get("name").asString()).isEqualTo("SYNTHETIC MEDICAL PRACTICE 1");
    assertThat(practice.get("address").asString())
        .isEqualTo("THE SURGERY, 1 HIGH STREET, SYNTHETOWN");
    assertThat(practice.get("postcode").asString()).isEqualTo("SY1 1AA");
    assertThat(practice.get("telephone").asString()).isEqualTo("0161 496 1100");
    assertThat(practice.get("opened").asLocalDate()).isEqualTo(LocalDate.of(1974, 4, 1));
    assertThat(practice.get("closed").isNull()).isTrue();
    assertThat(practice.get("commissioner").asString()).isEqualTo("01W");
    assertThat(practice.get("grouping").asString()).isEqualTo("Y62");
    assertThat(practice.get("file").asString()).isEqualTo("epraccur.csv");
    assertThat(practice.get("record").asString()).isEqualTo("row 1");
    assertThat(
            query("MATCH (o:Organisation {id: 'GP-Y00003'}) RETURN o.closeDate AS d")
                .get(0)
                .get("d")
                .asLocalDate())
        .isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(
            query("MATCH (s:DataSource {system: 'ODS'}) RETURN s.asAt AS asAt")
                .get(0)
                .get("asAt")
                .asLocalDate())
        .isEqualTo(REFERENCE);

    ImportJob again =
        runImport(ImportFormat.ODS, "ODS", REFERENCE, ImportMode.SNAPSHOT, EXAMPLES.resolve("ods"));
    assertThat(again.counts().created()).isZero();
    assertThat(again.counts().updated()).isZero();
    assertThat(again.counts().unchanged()).isEqualTo(7);
  }

  @Test
  void badCodesDatesAndRowsAreRejected() throws Exception {
    ImportJob job =
        runImport(
            ImportFormat.ODS, "ODS", REFERENCE, ImportMode.SNAPSHOT, MESSY.resolve("ods-messy"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    String file = "epraccur.csv";
    List<Rejection> rejections = rejections(job.id());
    assertThat(rejections)
        .extracting(
            Rejection::file,
            Rejection::location,
            Rejection::field,
            Rejection::value,
            Rejection::reason)
        .containsExactly(
            tuple("empty.csv", "file", null, null, "empty file: nothing to import"),
            tuple(
                file,
                "row 1",
                "Status Code",
                "X",
                "not a status code (A active, C closed, P proposed); loaded without it"),
            tuple(
                file,
                "row 2",
                "Open Date",
                "2020-01-01",
                "not a valid date (expected yyyymmdd); loaded without it"),
            tuple(
                file,
                "row 3",
                "Organisation Code",
                "12345",
                "not a GP practice code (a letter and five digits); record not loaded"),
            tuple(file, "row 4", "Name", null, "required value is missing; record not loaded"),
            tuple(
                file,
                "row 5",
                null,
                "Y10005,SHORT ROW",
                "broken row: 2 values, an ODS GP practice extract (epraccur.csv) has at least 26"),
            tuple(
                file,
                "row 6",
                "Contact Telephone Number",
                "n/a",
                "not a phone number (7-15 digits; only digits, spaces, +, brackets and hyphens)"),
            tuple(
                file,
                "row 7",
                null,
                "GP-Y10001",
                "the same organisation appears earlier in the extract (epraccur.csv row 1);"
                    + " this row is not loaded"));
    assertThat(job.counts().read()).isEqualTo(8);
    assertThat(job.counts().rejected()).isEqualTo(8);
    assertThat(job.counts().created()).isEqualTo(3);
    assertThat(count("MATCH (o:Organisation {code: 'Y10007'}) RETURN count(o)")).isZero();
  }

  @Test
  void aFileThatIsNeitherExtractFailsTheJobNamingIt() throws Exception {
    ImportJob job =
        runImport(
            ImportFormat.ODS,
            "ODS",
            REFERENCE,
            ImportMode.SNAPSHOT,
            EXAMPLES.resolve("gias/edubasealldata20260301.csv"));

    assertThat(job.status()).isEqualTo("FAILED");
    assertThat(job.error())
        .contains(
            "edubasealldata20260301.csv is neither an ODS GP practice extract (epraccur.csv) nor"
                + " an NHS trust extract (etr.csv)");
  }

  @Test
  void aFileNamedLikeOneExtractWithTheOthersLayoutFailsTheJob() throws Exception {
    Path folder = Path.of("target", "test-imports", "ods-misnamed");
    Files.createDirectories(folder);
    Path misnamed = folder.resolve("epraccur.csv");
    Files.copy(EXAMPLES.resolve("ods/etr.csv"), misnamed, StandardCopyOption.REPLACE_EXISTING);

    ImportJob job = runImport(ImportFormat.ODS, "ODS", REFERENCE, ImportMode.SNAPSHOT, misnamed);

    assertThat(job.status()).isEqualTo("FAILED");
    assertThat(job.error())
        .contains(
            "epraccur.csv is named like an ODS GP practice extract (epraccur.csv) but does not"
                + " have its layout");
    assertThat(count("MATCH (o:Organisation) RETURN count(o)")).isZero();
    Files.delete(misnamed);
  }
}
