package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

class GiasImportTest extends ImportTestBase {

  static final Path EXTRACT = EXAMPLES.resolve("gias/edubasealldata20260301.csv");
  static final String PHONE =
      "not a phone number (7-15 digits; only digits, spaces, +, brackets and hyphens)";

  @Test
  void schoolsLoadKeyedByUrnWithTheirDetails() throws Exception {
    ImportJob job =
        runImportForLa(ImportFormat.GIAS, "GIAS", null, null, ImportMode.SNAPSHOT, EXTRACT);

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id())).isEmpty();
    assertThat(job.counts().read()).isEqualTo(6);
    assertThat(job.counts().created()).isEqualTo(6);
    // The extract's date, from its name, is what the source is as at.
    assertThat(job.referenceDate()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(
            query("MATCH (s:DataSource {system: 'GIAS'}) RETURN s.asAt AS asAt")
                .get(0)
                .get("asAt")
                .asLocalDate())
        .isEqualTo(LocalDate.of(2026, 3, 1));

    Record oakfield =
        query(
                "MATCH (o:Organisation {urn: 999101}) RETURN o.id AS id, o.kind AS kind,"
                    + " o.name AS name, o.phase AS phase, o.type AS type, o.status AS status,"
                    + " o.address AS address, o.postcode AS postcode, o.telephone AS telephone,"
                    + " o.headName AS head, o.laCode AS la, o.openDate AS opened,"
                    + " o.code AS code, o.sourceSystem AS system, o.sourceFile AS file,"
                    + " o.sourceRecord AS record")
            .get(0);
    assertThat(oakfield.get("id").asString()).isEqualTo("URN-999101");
    assertThat(oakfield.get("kind").asString()).isEqualTo("SCHOOL");
    assertThat(oakfield.get("code").asString()).isEqualTo("999101");
    assertThat(oakfield.get("name").asString()).isEqualTo("Oakfield Primary School");
    assertThat(oakfield.get("phase").asString()).isEqualTo("PRIMARY");
    assertThat(oakfield.get("type").asString()).isEqualTo("Community school");
    assertThat(oakfield.get("status").asString()).isEqualTo("Open");
    // "Not recorded" county is a blank.
    assertThat(oakfield.get("address").asString()).isEqualTo("Oak Lane, Synthetown");
    assertThat(oakfield.get("postcode").asString()).isEqualTo("SY1 2AB");
    assertThat(oakfield.get("telephone").asString()).isEqualTo("01614960500");
    assertThat(oakfield.get("head").asString()).isEqualTo("Mrs Helen Carter");
    assertThat(oakfield.get("la").asString()).isEqualTo("999");
    assertThat(oakfield.get("opened").asLocalDate()).isEqualTo(LocalDate.of(1974, 9, 1));
    assertThat(oakfield.get("system").asString()).isEqualTo("GIAS");
    assertThat(oakfield.get("file").asString()).isEqualTo("edubasealldata20260301.csv");
    assertThat(oakfield.get("record").asString()).isEqualTo("row 2");
    assertThat(
            query("MATCH (o:Organisation) RETURN o.id AS id, o.phase AS phase ORDER BY id").stream()
                .map(r -> tuple(r.get("id").asString(), r.get("phase").asString(null)))
                .toList())
        .containsExactly(
            tuple("URN-100000", "NURSERY"),
            tuple("URN-999101", "PRIMARY"),
            tuple("URN-999102", "SECONDARY"),
            tuple("URN-999103", "ALTERNATIVE_PROVISION"),
            tuple("URN-999104", "PRIMARY"),
            tuple("URN-999105", "SIXTEEN_PLUS"));
    Record closed =
        query(
                "MATCH (o:Organisation {id: 'URN-999104'}) RETURN o.closeDate AS closed,"
                    + " o.status AS status, o.headName AS head")
            .get(0);
    assertThat(closed.get("closed").asLocalDate()).isEqualTo(LocalDate.of(2023, 8, 31));
    assertThat(closed.get("status").asString()).isEqualTo("Closed");
    assertThat(closed.get("head").isNull()).isTrue();

    ImportJob again =
        runImportForLa(ImportFormat.GIAS, "GIAS", null, null, ImportMode.SNAPSHOT, EXTRACT);
    assertThat(again.counts().created()).isZero();
    assertThat(again.counts().updated()).isZero();
    assertThat(again.counts().unchanged()).isEqualTo(6);
    assertThat(again.counts().retired()).isZero();
  }

  @Test
  void anLaCodeOnTheRequestReadsOnlyThatLasSchools() throws Exception {
    ImportJob job = runImport(ImportFormat.GIAS, "GIAS", null, ImportMode.SNAPSHOT, EXTRACT);

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    // ImportTestBase asks for LA 999: Camden's nursery is not read.
    assertThat(job.counts().read()).isEqualTo(5);
    assertThat(job.counts().created()).isEqualTo(5);
    assertThat(count("MATCH (o:Organisation {id: 'URN-100000'}) RETURN count(o)")).isZero();
  }

  @Test
  void aChangedExtractUpdatesWhatChangedAndClearsWhatWasBlanked() throws Exception {
    runImportForLa(ImportFormat.GIAS, "GIAS", null, null, ImportMode.SNAPSHOT, EXTRACT);
    Path folder = Path.of("target", "test-imports", "gias-update");
    Files.createDirectories(folder);
    Charset cp1252 = Charset.forName("windows-1252");
    List<String> lines = Files.readAllLines(EXTRACT, cp1252);
    lines.set(1, lines.get(1).replace("\"01614960500\"", "\"\""));
    Path changed = folder.resolve("edubasealldata20260401.csv");
    Files.write(changed, lines, cp1252);

    ImportJob job =
        runImportForLa(ImportFormat.GIAS, "GIAS", null, null, ImportMode.SNAPSHOT, changed);

    assertThat(job.counts().created()).isZero();
    assertThat(job.counts().updated()).isEqualTo(1);
    assertThat(job.counts().unchanged()).isEqualTo(5);
    assertThat(
            query("MATCH (o:Organisation {id: 'URN-999101'}) RETURN o.telephone AS t")
                .get(0)
                .get("t")
                .isNull())
        .isTrue();
    Files.delete(changed);
  }

  @Test
  void badUrnsDatesAndPhonesAreRejectedAndWindows1252NamesReadCorrectly() throws Exception {
    ImportJob job =
        runImportForLa(
            ImportFormat.GIAS,
            "GIAS",
            null,
            null,
            ImportMode.SNAPSHOT,
            MESSY.resolve("gias-messy"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    String file = "edubasealldata20260301.csv";
    List<Rejection> rejections = rejections(job.id());
    assertThat(rejections)
        .extracting(
            Rejection::file,
            Rejection::location,
            Rejection::field,
            Rejection::value,
            Rejection::reason)
        .containsExactly(
            tuple(
                file,
                "row 3",
                "OpenDate",
                "31-02-1970",
                "not a valid date (expected dd-mm-yyyy); the school loads without it"),
            tuple(file, "row 3", "TelephoneNum", "tel: ask office", PHONE),
            tuple(file, "row 4", "URN", "99203", "not a URN (6 digits); record not loaded"),
            tuple(file, "row 5", "URN", "ABC123", "not a URN (6 digits); record not loaded"),
            tuple(
                file,
                "row 6",
                "EstablishmentName",
                null,
                "required value is missing; record not loaded"),
            tuple(
                file,
                "row 7",
                null,
                "URN-999201",
                "the same organisation appears earlier in the extract ("
                    + file
                    + " row 2); this row is not loaded"),
            tuple(file, "row 8", "CloseDate", "01-09-2010", "closes before it opens (2020-09-01)"),
            tuple("empty.csv", "file", null, null, "empty file: no header row"));
    assertThat(job.counts().read()).isEqualTo(7);
    assertThat(job.counts().rejected()).isEqualTo(8);
    assertThat(job.counts().created()).isEqualTo(3);
    assertThat(
            query("MATCH (o:Organisation) RETURN o.name AS name, o.headName AS head ORDER BY o.id")
                .stream()
                .map(r -> tuple(r.get("name").asString(), r.get("head").asString(null)))
                .toList())
        .containsExactly(
            tuple("Saint Ignatius' Roman Catholic School", "Mme Hélène Lefèvre"),
            tuple("St Mary\u2019s Church of England Primary School", "Mr Joe Bloggs"),
            tuple("Backwards Dates School", null));
  }

  @Test
  void aFileThatIsNotAGiasExtractFailsTheJobNamingIt() throws Exception {
    ImportJob job =
        runImportForLa(
            ImportFormat.GIAS,
            "GIAS",
            null,
            null,
            ImportMode.SNAPSHOT,
            EXAMPLES.resolve("directory/staff-directory.csv"));

    assertThat(job.status()).isEqualTo("FAILED");
    assertThat(job.error()).contains("staff-directory.csv is not a GIAS establishment extract");
  }
}
