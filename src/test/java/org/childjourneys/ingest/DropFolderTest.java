package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

@TestPropertySource(
    properties = {
      "childjourneys.import.drop.enabled=true",
      "childjourneys.import.drop.folder=target/test-drop",
      "childjourneys.import.drop.poll=300ms",
      "childjourneys.import.drop.settle=500ms"
    })
class DropFolderTest extends ImportTestBase {

  static final Path DROP = Path.of("target", "test-drop");

  @Test
  void filesDroppedForASourceAreImportedOnceAndReportedBesideThem() throws Exception {
    FileSystemUtils.deleteRecursively(DROP);
    Path source = Files.createDirectories(DROP.resolve("csv-COUNCIL_EH"));
    Path misnamed = Files.createDirectories(DROP.resolve("spreadsheets"));
    Files.writeString(misnamed.resolve("notes.csv"), "a,b\n1,2\n");
    // A sender still writing under a temporary name is left alone until it renames the file.
    Files.writeString(source.resolve("people.csv.part"), "person_id,person_type\n");
    try (Stream<Path> examples = Files.list(EXAMPLES.resolve("csv"))) {
      for (Path f : examples.toList()) {
        Files.copy(f, source.resolve(f.getFileName()));
      }
    }

    ImportJob job = awaitJobFrom("COUNCIL_EH", Duration.ofSeconds(90));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(job.mode()).isEqualTo("DELTA");
    assertThat(job.submittedBy()).isEqualTo("drop folder");
    assertThat(job.counts().read()).isEqualTo(15);
    assertThat(job.files()).hasSize(6).contains("people.csv", "involvements.csv");
    assertThat(count("MATCH (c:Child) RETURN count(c)")).isEqualTo(3);

    Path summary = source.resolve("done").resolve(job.id() + ".txt");
    waitFor(summary, Duration.ofSeconds(30));
    ImportCounts c = job.counts();
    assertThat(Files.readAllLines(summary))
        .contains(
            "status: SUCCEEDED",
            "files: contacts.csv, coverage.csv, events.csv, involvements.csv, people.csv,"
                + " relationships.csv",
            "read 15, created %d, updated 0, unchanged %d, retired 0, rejected 0"
                .formatted(c.created(), c.unchanged()));
    try (Stream<Path> left = Files.list(source)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("done", "people.csv.part");
    }
    assertThat(misnamed.resolve("notes.csv")).exists();
    // Taken once: no second job for the same files.
    Thread.sleep(1500);
    assertThat(jobs.recent(10).stream().filter(j -> j.system().equals("COUNCIL_EH")).count())
        .isEqualTo(1);
  }

  private ImportJob awaitJobFrom(String system, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<ImportJob> found =
          jobs.recent(10).stream().filter(j -> j.system().equals(system)).toList();
      if (!found.isEmpty()) {
        return jobs.await(found.get(0).id(), Duration.ofMinutes(2));
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no job from the drop folder within " + timeout);
  }

  private static void waitFor(Path file, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(file) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }
}
