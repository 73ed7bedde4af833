package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.linkage.LinkageService;
import org.childjourneys.neo4j.JourneySummaries;
import org.childjourneys.security.Actor;
import org.childjourneys.security.Purpose;
import org.childjourneys.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Journey summaries (docs/measures.md#journey-summaries) are kept up to date by every import
 * (generic CSV, SSDA903, CIN census, Annex A, a re-import with a changed fact, a snapshot that
 * retires one) and by merges and unmerges: after each, they equal what a from-scratch rebuild
 * gives.
 */
class JourneySummariesTest extends ImportTestBase {

  static final LocalDate REFERENCE = LocalDate.of(2026, 3, 31);

  @Autowired LinkageService linkage;

  private static final String SUMMARIES =
      """
      MATCH (s:JourneySummary)
      RETURN s.childId AS id,
             [s.kinds, s.services, [d IN s.starts | toString(d)], [d IN s.ends | toString(d)],
              s.servicesEver, [toString(s.firstStart)], [toString(s.steps)], s.systems] AS summary
      ORDER BY id
      """;

  static Map<String, Object> summaries() {
    Map<String, Object> all = new LinkedHashMap<>();
    for (var r : query(SUMMARIES)) {
      all.put(r.get("id").asString(), r.get("summary").asObject());
    }
    return all;
  }

  /** The summaries as they are, then checked against a rebuild from scratch. */
  static Map<String, Object> upToDate() {
    Map<String, Object> kept = summaries();
    JourneySummaries.rebuildAll(db(), "neo4j");
    assertThat(kept).isEqualTo(summaries());
    return kept;
  }

  static String childOf(String recordId) {
    return query(
            "MATCH (:PersonRecord {id: $id})-[:REFERS_TO]->(c:Child) RETURN c.id AS id",
            "id",
            recordId)
        .get(0)
        .get("id")
        .asString();
  }

  @SuppressWarnings("unchecked")
  static List<Object> summaryOf(String childId) {
    return (List<Object>) summaries().get(childId);
  }

  @Test
  void everyImportAndAChangedFactLeaveSummariesAsARebuildWould() throws Exception {
    Path csv = EXAMPLES.resolve("csv");
    assertThat(runImport(ImportFormat.CSV, "COUNCIL_EH", REFERENCE, ImportMode.DELTA, csv).status())
        .isEqualTo("SUCCEEDED");
    upToDate();
    String p1 = childOf("COUNCIL_EH:P1");
    // Start order; the plan's assessment (inside it) comes before it by start date.
    assertThat(summaryOf(p1))
        .containsExactly(
            List.of("SCHOOL_ENROLMENT", "EARLY_HELP_ASSESSMENT", "EARLY_HELP_PLAN"),
            List.of("EDUCATION", "EARLY_HELP", "EARLY_HELP"),
            List.of("2023-09-01", "2025-09-11", "2025-09-15"),
            List.of("9999-12-31", "2025-09-14", "9999-12-31"),
            List.of("EDUCATION", "EARLY_HELP"),
            List.of("2023-09-01"),
            List.of("3"),
            List.of("COUNCIL_EH", "COUNCIL_EH", "COUNCIL_EH"));

    // A re-import in which the youth justice disposal became a court order and the plan ended.
    Path changed = Path.of("target", "test-imports", "journeys-csv");
    Files.createDirectories(changed);
    for (String f : List.of("people.csv", "involvements.csv", "coverage.csv")) {
      List<String> lines =
          Files.readAllLines(csv.resolve(f)).stream()
              .map(
                  l ->
                      l.startsWith("Y1,")
                          ? l.replace("YOT_OUT_OF_COURT", "YOT_COURT_ORDER")
                              .replace("2026-02-01T10:00:00", "2026-03-01T10:00:00")
                          : l.startsWith("EH1,")
                              ? l.replace("2025-09-15,,", "2025-09-15,2026-01-31,")
                                  .replace("2025-09-15T12:00:00", "2026-02-01T12:00:00")
                              : l)
              .toList();
      Files.write(changed.resolve(f), lines);
    }
    assertThat(
            runImport(ImportFormat.CSV, "COUNCIL_EH", REFERENCE, ImportMode.DELTA, changed)
                .status())
        .isEqualTo("SUCCEEDED");
    upToDate();
    assertThat(summaryOf(p1).get(3)).isEqualTo(List.of("9999-12-31", "2025-09-14", "2026-01-31"));
    assertThat(summaryOf(childOf("COUNCIL_EH:P4")).get(0)).isEqualTo(List.of("YOT_COURT_ORDER"));

    // The same files again change no fact, so no journey is rewritten (most rows of a nightly full
    // extract are unchanged): a summary taken away by hand stays away. One changed row refreshes
    // its own child's journey only.
    String p4 = childOf("COUNCIL_EH:P4");
    query(
        "MATCH (s:JourneySummary) WHERE s.childId IN [$p1, $p4] DETACH DELETE s",
        "p1",
        p1,
        "p4",
        p4);
    ImportJob again =
        runImport(ImportFormat.CSV, "COUNCIL_EH", REFERENCE, ImportMode.DELTA, changed);
    assertThat(again.status()).isEqualTo("SUCCEEDED");
    assertThat(again.counts().created() + again.counts().updated()).isZero();
    assertThat(again.counts().unchanged()).isPositive();
    assertThat(summaries()).doesNotContainKeys(p1, p4);
    Files.write(
        changed.resolve("involvements.csv"),
        Files.readAllLines(changed.resolve("involvements.csv")).stream()
            .map(
                l ->
                    l.startsWith("Y1,")
                        ? l.replace(",2025-11-01,2026-02-01,", ",2025-11-01,2026-02-02,")
                            .replace("2026-03-01T10:00:00", "2026-03-02T10:00:00")
                        : l)
            .toList());
    ImportJob one = runImport(ImportFormat.CSV, "COUNCIL_EH", REFERENCE, ImportMode.DELTA, changed);
    assertThat(one.counts().updated()).isEqualTo(1);
    assertThat(summaries()).containsKey(p4).doesNotContainKey(p1);
    assertThat(summaryOf(p4).get(3)).isEqualTo(List.of("2026-02-02"));
    JourneySummaries.rebuildAll(db(), "neo4j"); // P1's summary back for what follows

    // The statutory sources.
    assertThat(
            runImport(
                    ImportFormat.SSDA903,
                    "SSDA903",
                    REFERENCE,
                    ImportMode.SNAPSHOT,
                    EXAMPLES.resolve("ssda903"))
                .status())
        .isEqualTo("SUCCEEDED");
    upToDate();
    assertThat(
            runImport(
                    ImportFormat.CIN,
                    "CIN_CENSUS",
                    null,
                    ImportMode.SNAPSHOT,
                    EXAMPLES.resolve("cin/cin-census.xml"))
                .status())
        .isEqualTo("SUCCEEDED");
    upToDate();
    assertThat(
            runImport(
                    ImportFormat.ANNEXA,
                    "ANNEX_A",
                    REFERENCE,
                    ImportMode.SNAPSHOT,
                    EXAMPLES.resolve("annexa"))
                .status())
        .isEqualTo("SUCCEEDED");
    Map<String, Object> afterAnnexA = upToDate();
    // One referral, plan or period of care told by several sources is one step.
    assertThat(
            count(
                """
                MATCH (s:JourneySummary)
                WHERE any(i IN range(0, size(s.kinds) - 2) WHERE s.kinds[i] = s.kinds[i + 1]
                      AND s.starts[i] = s.starts[i + 1] AND s.kinds[i] IN ['CIN_EPISODE', 'CP_PLAN', 'LAC_EPISODE'])
                RETURN count(s)
                """))
        .isZero();

    // The next 903 snapshot no longer holds B2's second period: it is retired, and leaves B2's
    // journey.
    String b2 = childOf("SSDA903:B2");
    int stepsBefore = ((List<?>) summaryOf(b2).get(0)).size();
    Path next = Path.of("target", "test-imports", "journeys-903");
    Files.createDirectories(next);
    Files.write(
        next.resolve("episodes.csv"),
        Files.readAllLines(EXAMPLES.resolve("ssda903").resolve("episodes.csv")).stream()
            .filter(l -> !l.startsWith("B2,10/05/2025"))
            .toList());
    ImportJob retiring =
        runImport(ImportFormat.SSDA903, "SSDA903", REFERENCE, ImportMode.SNAPSHOT, next);
    assertThat(retiring.counts().retired()).isPositive();
    upToDate();
    assertThat(((List<?>) summaryOf(b2).get(0)).size()).isEqualTo(stepsBefore - 1);
    assertThat(afterAnnexA).isNotEqualTo(summaries());
  }

  @Test
  void mergeAndUnmergeMoveAJourneyAndBackAsARebuildWould() throws Exception {
    assertThat(
            runImport(
                    ImportFormat.CSV,
                    "COUNCIL_EH",
                    REFERENCE,
                    ImportMode.DELTA,
                    EXAMPLES.resolve("csv"))
                .status())
        .isEqualTo("SUCCEEDED");
    String p1 = childOf("COUNCIL_EH:P1");
    String p4 = childOf("COUNCIL_EH:P4");
    Map<String, Object> before = upToDate();
    Actor reviewer = new Actor("qa", Role.QUALITY_ASSURANCE, null);

    var merge = linkage.merge(reviewer, Purpose.DATA_QUALITY, p1, p4, "same child, test");
    Map<String, Object> merged = upToDate();
    assertThat(merged).doesNotContainKey(p4);
    assertThat(((List<?>) merged.get(p1)).get(0))
        .isEqualTo(
            List.of(
                "SCHOOL_ENROLMENT",
                "EARLY_HELP_ASSESSMENT",
                "EARLY_HELP_PLAN",
                "YOT_OUT_OF_COURT"));

    linkage.unmerge(reviewer, Purpose.DATA_QUALITY, merge.id(), "not the same child");
    assertThat(upToDate()).isEqualTo(before);
  }
}
