package org.childjourneys.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SyntheticExportTest {

  private static List<CSVRecord> read(Path file) throws IOException {
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

  @Test
  void writesSsda903CinCensusAndGroundTruthMatchingTheSimulation() throws IOException {
    Path out = Path.of("target", "export-test-" + System.nanoTime());
    SyntheticSettings settings = SyntheticSettings.of(3_000, 11L);
    SyntheticExport.Counts counts = SyntheticExport.export(settings, out);
    SyntheticTally tally = SyntheticAuthorityGenerator.simulate(settings);

    List<CSVRecord> truth = read(out.resolve("ground-truth.csv"));
    assertThat(truth).hasSize((int) tally.personRecords());
    assertThat(truth)
        .allSatisfy(
            r ->
                assertThat(r.get("record_id"))
                    .isEqualTo(r.get("system") + ":" + r.get("local_id")));

    List<CSVRecord> episodes = read(out.resolve("ssda903").resolve("episodes.csv"));
    List<CSVRecord> header = read(out.resolve("ssda903").resolve("header.csv"));
    assertThat(episodes).hasSize((int) tally.placements()).hasSize((int) counts.episodeRows());
    assertThat(header).hasSize((int) counts.headerRows()).isNotEmpty();
    assertThat(Files.readAllLines(out.resolve("ssda903").resolve("episodes.csv")).get(0))
        .isEqualTo(String.join(",", SyntheticExport.EPISODES));

    Set<String> children = new HashSet<>();
    header.forEach(h -> children.add(h.get("CHILD")));
    for (CSVRecord e : episodes) {
      assertThat(children).contains(e.get("CHILD"));
      assertThat(e.get("DECOM")).matches("\\d{2}/\\d{2}/\\d{4}");
      assertThat(e.get("RNE")).isIn("S", "P");
      assertThat(e.get("LS")).isIn("V2", "C1", "C2", "L1", "L2", "E1");
      // An episode that ended with a placement change says why and continues (X1).
      if (e.get("REC").equals("X1")) {
        assertThat(e.get("REASON_PLACE_CHANGE")).isNotBlank();
      }
    }
    // Each child's first episode starts a period of care.
    assertThat(episodes.stream().filter(e -> e.get("RNE").equals("S")).count())
        .isGreaterThanOrEqualTo(header.size());
    assertThat(header).allSatisfy(h -> assertThat(h.get("SEX")).isIn("1", "2"));

    // CIN census: one CINdetails per CIN episode open in the collection year, per child.
    Set<String> childrenInNeed = new HashSet<>();
    long[] episodesInYear = {0};
    LocalDate yearStart = settings.referenceDate().minusYears(1).plusDays(1);
    SyntheticAuthorityGenerator.simulate(
        settings,
        batch ->
            batch.involvements.stream()
                .map(row -> (Map<?, ?>) row.get("props"))
                .filter(p -> "CIN_EPISODE".equals(p.get("kind")))
                .filter(
                    p -> p.get("end") == null || !((LocalDate) p.get("end")).isBefore(yearStart))
                .forEach(
                    p -> {
                      episodesInYear[0]++;
                      childrenInNeed.add((String) p.get("childId"));
                    }));
    Document cin = parseSafely(out.resolve("cin-census.xml"));
    assertThat(cin.getElementsByTagName("Child").getLength())
        .isEqualTo(childrenInNeed.size())
        .isEqualTo((int) counts.cinChildren())
        .isPositive();
    assertThat(cin.getElementsByTagName("CINdetails").getLength())
        .isEqualTo((int) episodesInYear[0]);
    assertThat(cin.getElementsByTagName("ReferenceDate").item(0).getTextContent())
        .isEqualTo("2026-03-31");
    NodeList assessments = cin.getElementsByTagName("Assessments");
    assertThat(assessments.getLength()).isPositive();
    for (int i = 0; i < assessments.getLength(); i++) {
      Element assessment = (Element) assessments.item(i);
      assertThat(assessment.getElementsByTagName("AssessmentFactors").getLength()).isPositive();
    }
  }

  private static Document parseSafely(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new AssertionError("cin-census.xml is not well-formed: " + e.getMessage(), e);
    }
  }
}
