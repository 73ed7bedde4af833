package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The synthetic generator's statutory export loads through the importers without loss. */
class SyntheticRoundTripTest extends ImportTestBase {

  @Test
  void theSyntheticExportRoundTripsThroughThe903AndCinImporters() throws Exception {
    Path out = Path.of("target", "test-imports", "round-trip");
    Process export =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", // no /tmp/hsperfdata_* left behind
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=target/tmp",
                "org.childjourneys.synthetic.SyntheticExport",
                "--children",
                "2000",
                "--seed",
                "7",
                "--out",
                out.toString())
            .inheritIO()
            .start();
    assertThat(export.waitFor()).isZero();

    ImportJob lac =
        runImport(
            ImportFormat.SSDA903,
            "SSDA903",
            LocalDate.of(2026, 3, 31),
            ImportMode.SNAPSHOT,
            out.resolve("ssda903"));
    ImportJob cin =
        runImport(
            ImportFormat.CIN,
            "CIN_CENSUS",
            null,
            ImportMode.SNAPSHOT,
            out.resolve("cin-census.xml"));

    assertThat(lac.status()).as(lac.error()).isEqualTo("SUCCEEDED");
    assertThat(cin.status()).as(cin.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(lac.id())).isEmpty();
    assertThat(rejections(cin.id())).isEmpty();

    List<CSVRecord> episodes = read(out.resolve("ssda903/episodes.csv"));
    Set<String> lacChildren = new HashSet<>();
    long periods = 0;
    String previousChild = null;
    String previousRec = null;
    for (CSVRecord e : episodes) {
      lacChildren.add(e.get("CHILD"));
      // A period ends with a reason other than X1, or is the child's last, still open.
      if (previousChild != null
          && (!previousChild.equals(e.get("CHILD")) || "S".equals(e.get("RNE")))
          && ("".equals(previousRec) || "X1".equals(previousRec))) {
        periods++;
      }
      if (!e.get("REC").isEmpty() && !"X1".equals(e.get("REC"))) {
        periods++;
      }
      previousChild = e.get("CHILD");
      previousRec = e.get("REC");
    }
    if ("".equals(previousRec) || "X1".equals(previousRec)) {
      periods++;
    }
    assertThat(count("MATCH (p:Involvement {kind: 'LAC_EPISODE'}) RETURN count(p)"))
        .isEqualTo(periods);
    assertThat(count("MATCH (p:Placement) RETURN count(p)")).isEqualTo(episodes.size());

    String xml = Files.readString(out.resolve("cin-census.xml"));
    Set<String> cinChildren = new HashSet<>();
    Matcher m = Pattern.compile("<LAchildID>([^<]+)</LAchildID>").matcher(xml);
    while (m.find()) {
      cinChildren.add(m.group(1));
    }
    long cinEpisodes = Pattern.compile("<CINdetails>").matcher(xml).results().count();
    assertThat(count("MATCH (p:Involvement {kind: 'CIN_EPISODE'}) RETURN count(p)"))
        .isEqualTo(cinEpisodes);

    // The 903 and CIN records of one child share the LA child id: they link to one child.
    Set<String> all = new HashSet<>(lacChildren);
    all.addAll(cinChildren);
    assertThat(count("MATCH (c:Child) RETURN count(c)")).isEqualTo(all.size());
    Set<String> both = new HashSet<>(lacChildren);
    both.retainAll(cinChildren);
    assertThat(both).isNotEmpty();
    assertThat(
            count(
                "MATCH (:PersonRecord {system: 'SSDA903'})-[:REFERS_TO]->(c:Child)<-[:REFERS_TO]-(:PersonRecord {system: 'CIN_CENSUS'})"
                    + " RETURN count(DISTINCT c)"))
        .isEqualTo(both.size());
  }

  private static List<CSVRecord> read(Path file) throws Exception {
    try (Reader reader = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }
}
