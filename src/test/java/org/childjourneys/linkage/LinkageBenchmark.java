package org.childjourneys.linkage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Linkage quality and throughput against the fixed corruption specification: an index of about
 * 900,000 people (1,000,000 in the corpus) and the records of 100,000 people arriving. {@code
 * ./mvnw -q test-compile exec:exec@linkage-benchmark [-Dbench.people=N -Dbench.incoming=M]}. Writes
 * {@code target/bench/linkage.md} and {@code .csv}.
 */
public final class LinkageBenchmark {

  public static void main(String[] args) throws Exception {
    int people = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 1_000_000;
    int incoming = args.length > 1 && !args[1].isBlank() ? Integer.parseInt(args[1]) : 100_000;
    // Thresholds as the service's defaults unless LINK_ABOVE / REVIEW_ABOVE say otherwise.
    LinkageProperties defaults = new LinkageProperties(null, null);
    Linker linker =
        new Linker(
            Double.parseDouble(
                System.getenv().getOrDefault("LINK_ABOVE", "" + defaults.linkAbove())),
            Double.parseDouble(
                System.getenv().getOrDefault("REVIEW_ABOVE", "" + defaults.reviewAbove())));
    // A warm-up run on a small corpus, so the timed run measures compiled code.
    LinkageEvaluation.run(7L, 20_000, 20_000, linker);
    StringBuilder md = new StringBuilder();
    StringBuilder csv = new StringBuilder();
    for (double newShare : new double[] {0.1, 0.5}) {
      LinkageEvaluation e = LinkageEvaluation.run(20261127L, people, incoming, newShare, linker);
      String summary =
          String.format(
              Locale.ROOT,
              "Scenario: %.0f%% of people new to the index. Index: %,d people (one record each)"
                  + " generated and indexed in %.1f s; %,d incoming records linked in %.1f s:"
                  + " %,.0f records/s on one thread; heap in use with all %,d records indexed:"
                  + " %,d MB%nThresholds: link above %.2f, review above %.2f%n",
              100 * newShare,
              e.indexedPeople,
              e.indexNanos / 1e9,
              e.incoming,
              e.linkNanos / 1e9,
              e.recordsPerSecond(),
              e.indexedRecords,
              e.heapBytes >> 20,
              linker.linkAbove(),
              linker.reviewAbove());
      System.out.println(summary);
      System.out.println(e.table());
      System.out.println("Commonest missed links:\n" + e.topMisses(25));
      System.out.println(e.wrongAndCalibration(15));
      md.append(summary).append('\n').append(e.table()).append('\n');
      String rows =
          e.csv()
              .replace("\n", "," + newShare + "\n")
              .replaceFirst("review_share,[0-9.]+", "review_share,new_share");
      csv.append(csv.length() == 0 ? rows : rows.substring(rows.indexOf('\n') + 1));
    }
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("linkage.md"), md);
    Files.writeString(dir.resolve("linkage.csv"), csv);
  }
}
