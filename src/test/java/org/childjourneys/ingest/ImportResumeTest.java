package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.Test;

/**
 * An import whose service is killed (SIGKILL) half-way is resumed when the service starts again,
 * and ends in exactly the state of an uninterrupted import: nothing lost, nothing duplicated.
 */
class ImportResumeTest extends ImportTestBase {

  static final int PEOPLE = 2_000;
  static final int EVENTS_PER_PERSON = 20;

  @Test
  void aJobKilledHalfWayIsResumedAndEndsAsIfUninterrupted() throws Exception {
    Path folder = Path.of("target", "test-imports", "resume").toAbsolutePath();
    Files.createDirectories(folder);
    Path people = folder.resolve("people.csv");
    Path events = folder.resolve("events.csv");
    writeFiles(people, events);

    // Queued as an upload would be; the service process picks it up when it starts.
    query(
        "CREATE (:ImportJob {id: 'JRESUME', format: 'csv', system: 'RESUME', mode: 'DELTA',"
            + " files: ['people.csv', 'events.csv'], paths: $paths, status: 'QUEUED',"
            + " submittedAt: datetime(), attempts: 0})",
        "paths",
        List.of(people.toString(), events.toString()));

    Process first = startService(folder.resolve("first.log"));
    long eventsAtKill;
    try {
      waitUntil(() -> count("MATCH (e:Event) RETURN count(e)") >= 8_000, Duration.ofMinutes(3));
    } finally {
      first.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
      first.waitFor();
    }
    eventsAtKill = count("MATCH (e:Event) RETURN count(e)");
    assertThat(
            query("MATCH (j:ImportJob {id: 'JRESUME'}) RETURN j.status AS s")
                .get(0)
                .get("s")
                .asString())
        .isEqualTo("RUNNING");
    assertThat(eventsAtKill).isLessThan(PEOPLE * EVENTS_PER_PERSON);

    Process second = startService(folder.resolve("second.log"));
    try {
      waitUntil(
          () ->
              "SUCCEEDED"
                  .equals(
                      query("MATCH (j:ImportJob {id: 'JRESUME'}) RETURN j.status AS s")
                          .get(0)
                          .get("s")
                          .asString(null)),
          Duration.ofMinutes(5));
    } finally {
      second.destroy();
      second.waitFor();
    }
    var resumed =
        query("MATCH (j:ImportJob {id: 'JRESUME'}) RETURN j.attempts AS a, j.read AS r").get(0);
    assertThat(resumed.get("a").asInt()).isEqualTo(2);
    assertThat(count("MATCH (e:Event) RETURN count(e)")).isEqualTo(PEOPLE * EVENTS_PER_PERSON);
    String afterResume = GraphChecksum.of(db());

    emptyDatabase();
    ImportJob clean = runImport(ImportFormat.CSV, "RESUME", null, ImportMode.DELTA, people, events);
    assertThat(clean.status()).isEqualTo("SUCCEEDED");
    assertThat(GraphChecksum.of(db())).isEqualTo(afterResume);
  }

  private static void writeFiles(Path people, Path events) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(people)) {
      w.write("person_id,person_type,given_name,family_name,birth_date\n");
      for (int p = 0; p < PEOPLE; p++) {
        w.write(
            "P"
                + p
                + ",CHILD,Given"
                + p
                + ",Family,2015-01-"
                + String.format("%02d", 1 + p % 28)
                + "\n");
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(events)) {
      w.write("event_id,person_id,service,kind,date,traumatic\n");
      for (int p = 0; p < PEOPLE; p++) {
        for (int e = 0; e < EVENTS_PER_PERSON; e++) {
          w.write(
              "E"
                  + p
                  + "-"
                  + e
                  + ",P"
                  + p
                  + ",POLICE,INCIDENT,2025-0"
                  + (1 + e % 9)
                  + "-1"
                  + (e % 9)
                  + ","
                  + (e % 2)
                  + "\n");
        }
      }
    }
  }

  private static Process startService(Path log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx1g",
            "-XX:-UsePerfData",
            "-Djava.io.tmpdir=target/tmp",
            "-cp",
            System.getProperty("java.class.path"),
            "org.childjourneys.ChildJourneysApplication",
            "--spring.neo4j.uri=" + TestNeo4j.importBoltUri(),
            "--spring.neo4j.authentication.password=",
            "--childjourneys.demo.enabled=false",
            "--server.port=0",
            "--childjourneys.import.directory=target/test-imports/resume-jobs"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** The test's class path without repeats (a repeated folder would repeat the migrations). */
  private static String classPath() {
    return String.join(
        java.io.File.pathSeparator,
        new java.util.LinkedHashSet<>(
            List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))));
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within %s", timeout).isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
