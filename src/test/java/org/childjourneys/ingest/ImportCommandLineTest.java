package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** import/import.sh against the running service, and job status over GraphQL. */
@AutoConfigureHttpGraphQlTester
class ImportCommandLineTest extends ImportTestBase {

  @LocalServerPort int port;
  @Autowired HttpGraphQlTester anonymousGraphQl;
  HttpGraphQlTester graphQl;

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    graphQl =
        anonymousGraphQl
            .mutate()
            .header("Authorization", org.childjourneys.TestUsers.basic("admin"))
            .responseTimeout(java.time.Duration.ofSeconds(30))
            .build();
  }

  record Run(int exit, String out, String err) {}

  Run importSh(String... args) throws IOException, InterruptedException {
    return importShAs("admin", args);
  }

  Run importShAs(String user, String... args) throws IOException, InterruptedException {
    Path workDir = Path.of("target", "test-imports", "cli");
    Files.createDirectories(workDir);
    List<String> command =
        new ArrayList<>(
            List.of("bash", Path.of("import", "import.sh").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--url", "http://localhost:" + port));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CHILDJOURNEYS_USER", user);
    builder.environment().put("CHILDJOURNEYS_PASSWORD", org.childjourneys.TestUsers.password(user));
    Process p =
        builder
            .directory(workDir.toFile())
            .redirectOutput(workDir.resolve("out.txt").toFile())
            .redirectError(workDir.resolve("err.txt").toFile())
            .start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(workDir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(workDir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void aDataOfficerImportsAFolderAndSeesTheSummary() throws Exception {
    Run run =
        importSh(
            "ssda903",
            EXAMPLES.resolve("ssda903").toAbsolutePath().toString(),
            "--la",
            "999",
            "--reference-date",
            "2026-03-31");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("Uploading 7 file(s)")
        .contains("[#########################] 100%");
    assertThat(run.out())
        .contains("SUCCEEDED")
        .contains("read 23, created 33, updated 0, unchanged 0, retired 0, rejected 0")
        .contains("reference date 2026-03-31, covering 2025-04-01 to 2026-03-31");
    String jobId = run.out().split(" ")[1];

    graphQl
        .document(
            "{ importJob(id: \""
                + jobId
                + "\") { status format system submittedBy counts { read created rejected }"
                + " rejectionReport percent startedAt finishedAt durationMs } }")
        .execute()
        .path("importJob.percent")
        .entity(Double.class)
        .isEqualTo(100.0)
        .path("importJob.startedAt")
        .hasValue()
        .path("importJob.finishedAt")
        .hasValue()
        .path("importJob.durationMs")
        .entity(Long.class)
        .satisfies(ms -> assertThat(ms).isNotNegative())
        .path("importJob.status")
        .entity(String.class)
        .isEqualTo("SUCCEEDED")
        .path("importJob.submittedBy")
        .entity(String.class)
        .isEqualTo("admin")
        .path("importJob.system")
        .entity(String.class)
        .isEqualTo("SSDA903")
        .path("importJob.counts.read")
        .entity(Integer.class)
        .isEqualTo(23)
        .path("importJob.rejectionReport")
        .entity(String.class)
        .isEqualTo("/api/imports/" + jobId + "/rejections.csv");
  }

  @Test
  void annexAWorkbookListsAndTheStaffDirectoryImportFromTheShell() throws Exception {
    Run directory =
        importSh(
            "directory",
            EXAMPLES.resolve("directory").toAbsolutePath().toString(),
            "--system",
            "COUNCIL_EH",
            "--reference-date",
            "2026-03-31");
    assertThat(directory.exit()).as(directory.err()).isZero();
    assertThat(directory.out()).contains("SUCCEEDED").contains("rejected 0");

    // The lists as a folder of CSVs (import.sh would send a workbook in it too).
    Run annexA =
        importSh(
            "annexa",
            EXAMPLES.resolve("annexa").toAbsolutePath().toString(),
            "--la",
            "999",
            "--reference-date",
            "2026-03-31");
    assertThat(annexA.exit()).as(annexA.err()).isZero();
    assertThat(annexA.err()).contains("Uploading 8 file(s)");
    assertThat(annexA.out()).contains("SUCCEEDED").contains("read 14, ").contains("rejected 0");
  }

  @Test
  void onlyAnAdministratorMayImport() throws Exception {
    String folder = EXAMPLES.resolve("ssda903").toAbsolutePath().toString();
    Run analyst = importShAs("analyst", "ssda903", folder);
    assertThat(analyst.exit()).isEqualTo(1);
    assertThat(analyst.err())
        .contains("HTTP 403")
        .contains("analyst may not import; imports need the ADMIN role");

    Run wrongPassword = importShAs("admin-typo", "ssda903", folder);
    assertThat(wrongPassword.exit()).isEqualTo(1);
    assertThat(wrongPassword.err()).contains("HTTP 401").contains("not signed in");
    assertThat(jobs.recent(5)).isEmpty();
  }

  @Test
  void rejectedRecordsAreReportedAsCsvAndTheImportStillSucceeds() throws Exception {
    Run run =
        importSh(
            "csv",
            MESSY.resolve("csv-messy").toAbsolutePath().toString(),
            "--system",
            "COUNCIL_EH",
            "--reference-date",
            "2026-03-31");

    assertThat(run.exit()).as(run.err()).isZero();
    String jobId = run.out().split(" ")[1];
    assertThat(run.out())
        .contains("rejected 11")
        .contains("rejection report: " + jobId + "-rejections.csv");
    List<String> report =
        Files.readAllLines(Path.of("target", "test-imports", "cli", jobId + "-rejections.csv"));
    assertThat(report).hasSize(12);
    assertThat(report.get(0)).isEqualTo("file,location,field,value,reason");
    assertThat(report)
        .contains(
            "people.csv,row 5,person_type,PUPPY,\"not one of [ADULT, CHILD]; record not loaded\"");
  }

  @Test
  void aFailedImportExitsNonZeroWithTheReason() throws Exception {
    Run run = importSh("cin", MESSY.resolve("not-cin.xml").toAbsolutePath().toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED").contains("error: not-cin.xml: not a CIN census file");
  }

  @Test
  void badArgumentsAreRefusedWithAMessage() throws Exception {
    Run csvWithoutSystem = importSh("csv", EXAMPLES.resolve("csv").toAbsolutePath().toString());
    assertThat(csvWithoutSystem.exit()).isEqualTo(1);
    assertThat(csvWithoutSystem.err())
        .contains("HTTP 400")
        .contains("Say which source system the csv files come from");

    Run unknown = importSh("annexb", EXAMPLES.toAbsolutePath().toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown format 'annexb'");

    graphQl
        .document("{ importJobs(last: 500) { id } }")
        .execute()
        .errors()
        .expect(e -> e.getMessage().equals("last: from 1 to 100, was 500"))
        .verify();
  }
}
