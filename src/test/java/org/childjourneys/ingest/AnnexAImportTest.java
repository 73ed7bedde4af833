package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class AnnexAImportTest extends ImportTestBase {

  static final LocalDate REFERENCE = LocalDate.of(2026, 3, 31);
  static final Path LISTS = EXAMPLES.resolve("annexa");

  @Test
  void exampleListsLoadMergeReferralsAndLinkToCensusRecords() throws Exception {
    ImportJob census =
        runImport(
            ImportFormat.CIN,
            "CIN_CENSUS",
            null,
            ImportMode.SNAPSHOT,
            EXAMPLES.resolve("cin/cin-census.xml"));
    assertThat(census.status()).isEqualTo("SUCCEEDED");

    ImportJob job =
        runImport(ImportFormat.ANNEXA, "ANNEX_A", REFERENCE, ImportMode.SNAPSHOT, LISTS);

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id())).isEmpty();
    assertThat(job.counts().read()).isEqualTo(14);
    // Coverage runs from the earliest date any list speaks for (B2's CIN start) to the run date.
    assertThat(job.coveredFrom()).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(job.coveredTo()).isEqualTo(REFERENCE);

    assertThat(
            query(
                    "MATCH (i:Involvement {sourceSystem: 'ANNEX_A'}) RETURN i.kind AS kind,"
                        + " count(*) AS n ORDER BY kind")
                .stream()
                .map(r -> r.get("kind").asString() + "=" + r.get("n").asLong())
                .toList())
        .containsExactly(
            "ASSESSMENT=1",
            "CIN_EPISODE=3",
            "CP_PLAN=1",
            "EARLY_HELP_ASSESSMENT=1",
            "LAC_EPISODE=2",
            "S47_ENQUIRY=1");
    assertThat(
            query(
                    "MATCH (c:Contact {sourceSystem: 'ANNEX_A'}) RETURN c.id AS id, c.source AS s"
                        + " ORDER BY id")
                .stream()
                .map(r -> r.get("id").asString() + " " + r.get("s").asString())
                .toList())
        .containsExactly(
            "ANNEX_A:A1:CONTACT:2025-03-10 6",
            "ANNEX_A:E5:CONTACT:2025-10-02 2A",
            "ANNEX_A:E5:CONTACT:2025-10-02:2 3A",
            "ANNEX_A:F6:CONTACT:2026-01-15 1A");

    // Lists 3 and 6 describe one referral: one fact, with the source from list 3, the need from
    // list 6, and list 6's current allocation.
    var referral =
        query(
                """
                MATCH (i:Involvement {id: 'ANNEX_A:A1:CIN:2025-03-20'})-[:WITH]->(t:Team)
                MATCH (w:Professional)-[:ALLOCATED]->(i)
                RETURN i.referralSource AS source, i.primaryNeed AS need, i.referralNfa AS nfa,
                       i.lastSeen AS seen, t.name AS team, w.name AS worker
                """)
            .get(0);
    assertThat(referral.get("source").asString()).isEqualTo("6");
    assertThat(referral.get("need").asString()).isEqualTo("N1");
    assertThat(referral.get("nfa").asBoolean()).isFalse();
    assertThat(referral.get("seen").asLocalDate()).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(referral.get("team").asString()).isEqualTo("Child Protection Team");
    assertThat(referral.get("worker").asString()).isEqualTo("Jo Brown");

    // A1 in Annex A is A1 in the census (same LA child id); the shared referral and plan carry
    // one statutory key so measures count them once.
    assertThat(
            query(
                    """
                    MATCH (i:Involvement) WHERE i.childId IS NOT NULL
                      AND i.statutoryKey IN ['999:A1:CIN_EPISODE:2025-03-20', '999:A1:CP_PLAN:2025-04-16']
                    RETURN i.statutoryKey AS key, collect(DISTINCT i.sourceSystem) AS systems,
                           count(DISTINCT i.childId) AS children ORDER BY key
                    """)
                .stream()
                .map(
                    r ->
                        r.get("key").asString()
                            + " "
                            + r.get("systems").asList().stream().sorted().toList()
                            + " "
                            + r.get("children").asLong())
                .toList())
        .containsExactly(
            "999:A1:CIN_EPISODE:2025-03-20 [ANNEX_A, CIN_CENSUS] 1",
            "999:A1:CP_PLAN:2025-04-16 [ANNEX_A, CIN_CENSUS] 1");
  }

  @Test
  void reImportChangesNothingAndASnapshotRetiresOnlyInsideItsListsWindows() throws Exception {
    ImportJob first =
        runImport(ImportFormat.ANNEXA, "ANNEX_A", REFERENCE, ImportMode.SNAPSHOT, LISTS);
    String before = GraphChecksum.of(db());
    ImportJob again =
        runImport(ImportFormat.ANNEXA, "ANNEX_A", REFERENCE, ImportMode.SNAPSHOT, LISTS);
    assertThat(first.counts().created()).isPositive();
    assertThat(again.counts().created()).isZero();
    assertThat(again.counts().updated()).isZero();
    assertThat(again.counts().retired()).isZero();
    assertThat(GraphChecksum.of(db())).isEqualTo(before);

    // A later contacts list from 2 October 2025 without F6's contact: F6's contact (inside the
    // window) is retired; A1's contact from March 2025 (before the window) and every other
    // list's facts stay current.
    Path later = Path.of("target", "annexa-later");
    Files.createDirectories(later);
    Files.write(
        later.resolve("list_1_contacts.csv"),
        Files.readAllLines(LISTS.resolve("list_1_contacts.csv")).stream()
            .filter(l -> !l.startsWith("A1,") && !l.startsWith("F6,"))
            .toList());
    ImportJob snapshot =
        runImport(ImportFormat.ANNEXA, "ANNEX_A", REFERENCE, ImportMode.SNAPSHOT, later);
    assertThat(snapshot.status()).as(snapshot.error()).isEqualTo("SUCCEEDED");
    assertThat(snapshot.counts().retired()).isEqualTo(1);
    assertThat(
            query("MATCH (c:Contact) WHERE c.retiredAt IS NOT NULL RETURN c.id AS id").stream()
                .map(r -> r.get("id").asString())
                .toList())
        .containsExactly("ANNEX_A:F6:CONTACT:2026-01-15");
    assertThat(count("MATCH (i:Involvement) WHERE i.retiredAt IS NOT NULL RETURN count(i)"))
        .isZero();
  }

  @Test
  void aWorkbookLoadsLikeItsLists() throws Exception {
    Path workbook = Path.of("target", "annexa-workbook", "annex-a.xlsx");
    writeWorkbook(workbook);

    ImportJob job =
        runImport(ImportFormat.ANNEXA, "ANNEX_A", REFERENCE, ImportMode.SNAPSHOT, workbook);

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id())).isEmpty();
    assertThat(job.counts().read()).isEqualTo(14);
    assertThat(count("MATCH (i:Involvement) RETURN count(i)")).isEqualTo(9);
    assertThat(count("MATCH (c:Contact) RETURN count(c)")).isEqualTo(4);
    var plan =
        query(
                "MATCH (i:Involvement {kind: 'CP_PLAN'}) RETURN i.start AS start,"
                    + " i.latestCategory AS latest, i.sourceFile AS file, i.sourceRecord AS rec")
            .get(0);
    assertThat(plan.get("start").asLocalDate()).isEqualTo(LocalDate.of(2025, 4, 16));
    assertThat(plan.get("latest").asString()).isEqualTo("EMO");
    assertThat(plan.get("file").asString()).isEqualTo("annex-a.xlsx");
    // The list 7 sheet has a title row above its header: the record is on the sheet's row 3.
    assertThat(plan.get("rec").asString()).isEqualTo("sheet 'List 7' row 3");
  }

  @Test
  void messyListsLoadWhatIsValidAndReportTheRest() throws Exception {
    ImportJob job =
        runImport(
            ImportFormat.ANNEXA,
            "ANNEX_A",
            REFERENCE,
            ImportMode.SNAPSHOT,
            MESSY.resolve("annexa-messy"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id()))
        .extracting(
            Rejection::file,
            Rejection::location,
            Rejection::field,
            Rejection::value,
            Rejection::reason)
        .containsExactlyInAnyOrder(
            tuple("broken.xlsx", "file", null, null, rejectionReason(job, "broken.xlsx")),
            tuple("empty.csv", "file", null, null, "empty file"),
            tuple(
                "list_1_contacts.csv",
                "row 3",
                "Child Unique ID",
                null,
                "required value is missing; record not loaded"),
            tuple(
                "list_1_contacts.csv",
                "row 4",
                "Date of Contact",
                "31/02/2025",
                "not a valid date (expected dd/mm/yyyy); record not loaded"),
            tuple(
                "list_1_contacts.csv",
                "row 5",
                "Date of Contact",
                "01/05/2026",
                "date is after the extract's reference date 2026-03-31; record not loaded"),
            tuple(
                "list_1_contacts.csv",
                "row 6",
                "Gender",
                "Robot",
                "not a gender Annex A uses (Male, Female, Unknown)"),
            tuple(
                "list_1_contacts.csv",
                "row 6",
                "Contact Source",
                "ZZ",
                "unknown code ZZ (list CIN_REFERRAL_SOURCE)"),
            tuple(
                "list_7_child_protection.csv",
                "row 2",
                "Child Protection Plan End Date",
                "01/04/2025",
                "ends before it starts (2025-04-16); record not loaded"),
            tuple(
                "list_7_child_protection.csv",
                "row 3",
                "Initial Category of Abuse",
                "XYZ",
                "unknown code XYZ (list CIN_ABUSE)"),
            tuple(
                "list_9_care_leavers.csv",
                "header",
                null,
                null,
                "Annex A list 9 (care leavers) is not loaded: it is not about a child's journey"
                    + " through the services this import covers"),
            tuple(
                "notes.csv",
                "header",
                null,
                null,
                "not an Annex A list: no Child Unique ID column in the first rows"));
    assertThat(job.counts().rejected()).isEqualTo(11);
    // Valid: A1's and A4's contacts, A5's plan; broken: three contacts and one plan.
    assertThat(job.counts().read()).isEqualTo(7);
    assertThat(
            query("MATCH (c:Contact) RETURN c.id AS id, c.source AS s ORDER BY id").stream()
                .map(r -> r.get("id").asString() + " " + r.get("s").asString(null))
                .toList())
        .containsExactly("ANNEX_A:A1:CONTACT:2025-03-10 6", "ANNEX_A:A4:CONTACT:2025-03-12 null");
    var plan =
        query("MATCH (i:Involvement {kind: 'CP_PLAN'}) RETURN i.id AS id, i.latestCategory AS c")
            .get(0);
    assertThat(plan.get("id").asString()).isEqualTo("ANNEX_A:A5:CP_PLAN:2025-06-01");
    assertThat(plan.get("c").asString()).isEqualTo("PHY");
    assertThat(rejectionReason(job, "broken.xlsx")).startsWith("not a readable .xlsx workbook");
  }

  @Test
  void namedTeamsAndWorkersAttachToTheStaffDirectory() throws Exception {
    query(
        """
        CREATE (t:Team {id: 'LCS:TEAM:CPT', name: 'Child Protection Team',
                        nameKey: 'child protection team', phone: '01632 960001'})
        CREATE (w:Professional {id: 'LCS:WORKER:JB1', name: 'Jo Brown', nameKey: 'jo brown',
                                phone: '01632 960123', email: 'jo.brown@example.gov.uk'})
        CREATE (w)-[:MEMBER_OF]->(t)
        CREATE (:Professional {id: 'LCS:WORKER:AG1', name: 'Alex Green', nameKey: 'alex green'})
        CREATE (:Professional {id: 'LCS:WORKER:AG2', name: 'Alex Green', nameKey: 'alex green'})
        """);

    runImport(ImportFormat.ANNEXA, "ANNEX_A", REFERENCE, ImportMode.SNAPSHOT, LISTS);

    var plan =
        query(
                """
                MATCH (w:Professional)-[:ALLOCATED]->(i:Involvement {kind: 'CP_PLAN'})-[:WITH]->(t:Team)
                RETURN w.id AS worker, w.phone AS phone, t.id AS team
                """)
            .get(0);
    assertThat(plan.get("worker").asString()).isEqualTo("LCS:WORKER:JB1");
    assertThat(plan.get("phone").asString()).isEqualTo("01632 960123");
    assertThat(plan.get("team").asString()).isEqualTo("LCS:TEAM:CPT");
    // Two Alex Greens and neither in the allocated team: no guess, an Annex A entry of its own.
    assertThat(
            query(
                    "MATCH (w:Professional)-[:ALLOCATED]->(:Involvement {kind: 'LAC_EPISODE'})"
                        + " RETURN DISTINCT w.id AS id")
                .stream()
                .map(r -> r.get("id").asString())
                .toList())
        .containsExactly("ANNEX_A:WORKER:alex green");
  }

  @Test
  void aFileThatIsNoAnnexAListFailsTheJobWithItsName() throws Exception {
    ImportJob job =
        runImport(
            ImportFormat.ANNEXA,
            "ANNEX_A",
            REFERENCE,
            ImportMode.SNAPSHOT,
            EXAMPLES.resolve("cin/cin-census.xml"));
    assertThat(job.status()).isEqualTo("FAILED");
    assertThat(job.error())
        .contains("None of the files or sheets is an Annex A list", "cin-census.xml");
  }

  private String rejectionReason(ImportJob job, String file) {
    return rejections(job.id()).stream()
        .filter(r -> r.file().equals(file))
        .findFirst()
        .map(Rejection::reason)
        .orElse("");
  }

  /**
   * The example lists as one workbook, as Ofsted's template lays it out: a sheet per list, dates as
   * Excel dates on the referrals sheet, a title row above the header on list 7.
   */
  private static void writeWorkbook(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        Stream<Path> lists = Files.list(LISTS)) {
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(
          workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      for (Path csv : lists.sorted().toList()) {
        String name = csv.getFileName().toString();
        int number = Integer.parseInt(name.replaceAll("\\D+", " ").strip().split(" ")[0]);
        Sheet sheet = workbook.createSheet("List " + number);
        int r = 0;
        if (number == 7) {
          sheet.createRow(r++).createCell(0).setCellValue("List 7: Child protection");
        }
        try (CSVParser parser = CSVFormat.DEFAULT.parse(Files.newBufferedReader(csv))) {
          for (CSVRecord record : parser) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < record.size(); c++) {
              String v = record.get(c);
              if (number == 3 && r > 1 && v.matches("\\d\\d/\\d\\d/\\d{4}")) {
                var cell = row.createCell(c);
                cell.setCellValue(LocalDate.parse(v, SourceRow.UK_DATE));
                cell.setCellStyle(dateStyle);
              } else {
                row.createCell(c).setCellValue(v);
              }
            }
          }
        }
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        workbook.write(out);
      }
    }
  }
}
