package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ssda903ImportTest extends ImportTestBase {

  static final LocalDate REFERENCE = LocalDate.of(2026, 3, 31);
  static final Path FOLDER = EXAMPLES.resolve("ssda903");

  @Test
  void periodsOfCareAndPlacementsFollowTheDfeRules() throws Exception {
    ImportJob job =
        runImport(ImportFormat.SSDA903, "SSDA903", REFERENCE, ImportMode.SNAPSHOT, FOLDER);

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id())).isEmpty();
    // 4 header + 11 episodes + 2 missing + 2 reviews + 1 UASC + 2 social worker + 1 OC3 rows.
    assertThat(job.counts().read()).isEqualTo(23);
    assertThat(job.counts().rejected()).isZero();
    assertThat(job.coveredFrom()).isEqualTo(LocalDate.of(2025, 4, 1));
    assertThat(job.coveredTo()).isEqualTo(REFERENCE);

    // Hand count by the DfE rules: A1 has 2 periods (the second open); B2 2 short-break-only
    // periods; C3 1 period begun before the data; D4 1 period ended by adoption.
    var periods =
        query(
            """
            MATCH (r:PersonRecord)-[:HAD]->(p:Involvement {kind: 'LAC_EPISODE'})
            RETURN r.localId AS child, p.start AS start, p.end AS end, p.reasonEnded AS rec,
                   p.placements AS placements, p.shortBreaksOnly AS shortBreaks,
                   p.startedBeforeData AS before, p.legalStatus AS ls
            ORDER BY child, start
            """);
    assertThat(periods)
        .extracting(
            r -> r.get("child").asString(),
            r -> r.get("start").asLocalDate().toString(),
            r -> r.get("end").isNull() ? null : r.get("end").asLocalDate().toString(),
            r -> r.get("rec").asString(null),
            r -> r.get("placements").asLong(),
            r -> r.get("shortBreaks").asBoolean(),
            r -> r.get("before").asBoolean(),
            r -> r.get("ls").asString())
        .containsExactly(
            tuple("A1", "2025-05-01", "2025-12-01", "E13", 2L, false, false, "C1"),
            tuple("A1", "2026-02-10", null, null, 1L, false, false, "V2"),
            tuple("B2", "2025-04-05", "2025-04-07", "E13", 0L, true, false, "V3"),
            tuple("B2", "2025-05-10", "2025-05-12", "E13", 0L, true, false, "V3"),
            tuple("C3", "2025-04-01", null, null, 1L, false, true, "C2"),
            tuple("D4", "2024-06-01", "2025-06-30", "E11", 2L, false, false, "E1"));

    // A1's first period: placement, legal change only (same placement), move, temporary
    // placement, return to the same foster home: four placement stays, two counted.
    var placements =
        query(
            """
            MATCH (p:Involvement {id: 'SSDA903:A1:POC:2025-05-01'})-[:IN_PLACEMENT]->(pl:Placement)
            RETURN pl.placementType AS type, pl.start AS start, pl.end AS end,
                   pl.reasonChanged AS reason, pl.temporary AS temporary, pl.countsAsPlacement AS counts
            ORDER BY pl.start
            """);
    assertThat(placements)
        .extracting(
            r -> r.get("type").asString(),
            r -> r.get("start").asLocalDate().toString(),
            r -> r.get("end").asLocalDate().toString(),
            r -> r.get("reason").asString(null),
            r -> r.get("temporary").asBoolean(),
            r -> r.get("counts").asBoolean())
        .containsExactly(
            tuple("U6", "2025-05-01", "2025-08-01", "CARPL", false, true),
            tuple("U4", "2025-08-01", "2025-08-20", null, false, true),
            tuple("T3", "2025-08-20", "2025-08-25", null, true, false),
            tuple("U4", "2025-08-25", "2025-12-01", null, false, false));
    assertThat(count("MATCH (p:Placement) RETURN count(p)")).isEqualTo(10);
    assertThat(count("MATCH (p:Placement {countsAsPlacement: true}) RETURN count(p)")).isEqualTo(6);

    // Legal status history, missing episodes, reviews, allocations and care-leaver outcomes.
    assertThat(
            query(
                    "MATCH (e:Event {kind: 'LEGAL_STATUS'}) WHERE e.id STARTS WITH 'SSDA903:A1:'"
                        + " RETURN e.legalStatus AS ls ORDER BY e.date")
                .stream()
                .map(r -> r.get("ls").asString()))
        .containsExactly("V2", "C1", "V2");
    assertThat(count("MATCH (e:Event) WHERE e.kind IN ['MISSING', 'AWAY'] RETURN count(e)"))
        .isEqualTo(2);
    assertThat(count("MATCH (e:Event {kind: 'LAC_REVIEW'}) RETURN count(e)")).isEqualTo(2);
    assertThat(
            query(
                    "MATCH (w:Professional)-[a:ALLOCATED]->(:Involvement {id: 'SSDA903:A1:POC:2025-05-01'})"
                        + " RETURN w.id AS id, a.to AS to ORDER BY a.from")
                .stream()
                .map(r -> r.get("id").asString()))
        .containsExactly("SSDA903-SW@999:SW001", "SSDA903-SW@999:SW002");
    assertThat(
            query("MATCH (e:Event {kind: 'CARE_LEAVER_OUTCOME'}) RETURN e.accommodation AS a")
                .get(0)
                .get("a")
                .asString())
        .isEqualTo("T1");

    // People: one child per 903 child, linked by the LA child id; D4 marked adopted; C3 UASC.
    assertThat(count("MATCH (c:Child) RETURN count(c)")).isEqualTo(4);
    assertThat(count("MATCH (c:Child {adopted: true}) RETURN count(c)")).isEqualTo(1);
    assertThat(count("MATCH (r:PersonRecord {localId: 'C3', uasc: true}) RETURN count(r)"))
        .isEqualTo(1);
    assertThat(
            count(
                "MATCH (:PersonRecord {localId: 'A1'})-[:HAS_IDENTIFIER]->(i:Identifier)"
                    + " WHERE i.key IN ['LA_CHILD_ID@999:A1', 'UPN:E999200119001'] RETURN count(i)"))
        .isEqualTo(2);
    // Provenance on every fact, and the child id for grouping.
    assertThat(
            count(
                "MATCH (p:Placement) WHERE p.sourceSystem = 'SSDA903' AND p.sourceFile = 'episodes.csv'"
                    + " AND p.sourceRecord STARTS WITH 'row ' AND p.childId IS NOT NULL RETURN count(p)"))
        .isEqualTo(10);
    assertThat(
            query("MATCH (s:DataSource {system: 'SSDA903'}) RETURN s.asAt AS asAt")
                .get(0)
                .get("asAt")
                .asLocalDate())
        .isEqualTo(REFERENCE);
  }

  @Test
  void theSameFilesTwiceChangeNothing() throws Exception {
    ImportJob first =
        runImport(ImportFormat.SSDA903, "SSDA903", REFERENCE, ImportMode.SNAPSHOT, FOLDER);
    String before = GraphChecksum.of(db());
    ImportJob second =
        runImport(ImportFormat.SSDA903, "SSDA903", REFERENCE, ImportMode.SNAPSHOT, FOLDER);

    assertThat(second.counts().created()).isZero();
    assertThat(second.counts().updated()).isZero();
    assertThat(second.counts().retired()).isZero();
    assertThat(second.counts().unchanged()).isEqualTo(first.counts().created());
    assertThat(GraphChecksum.of(db())).isEqualTo(before);
  }

  @Test
  void aSnapshotRetiresWhatItNoLongerHoldsAndUpdatesWhatChanged() throws Exception {
    runImport(ImportFormat.SSDA903, "SSDA903", REFERENCE, ImportMode.SNAPSHOT, FOLDER);
    Path next = Path.of("target", "test-imports", "snapshot-2");
    java.nio.file.Files.createDirectories(next);
    // The next extract: B2's second short break is gone (recorded in error), and A1's open
    // period now has a legal status correction (V2 -> C1).
    List<String> episodes =
        java.nio.file.Files.readAllLines(FOLDER.resolve("episodes.csv")).stream()
            .filter(l -> !l.startsWith("B2,10/05/2025"))
            .map(l -> l.startsWith("A1,10/02/2026") ? l.replace(",V2,", ",C1,") : l)
            .toList();
    java.nio.file.Files.write(next.resolve("episodes.csv"), episodes);

    ImportJob job =
        runImport(ImportFormat.SSDA903, "SSDA903", REFERENCE, ImportMode.SNAPSHOT, next);

    assertThat(job.status()).isEqualTo("SUCCEEDED");
    // Retired: the period, its placement and its legal status event.
    assertThat(job.counts().retired()).isEqualTo(3);
    assertThat(
            query(
                    "MATCH (p:Involvement {id: 'SSDA903:B2:POC:2025-05-10'}) RETURN p.retiredAt IS NOT NULL AS r,"
                        + " p.retiredByJob AS job")
                .get(0)
                .get("job")
                .asString())
        .isEqualTo(job.id());
    assertThat(
            query(
                    "MATCH (p:Involvement {id: 'SSDA903:A1:POC:2026-02-10'}) RETURN p.legalStatus AS ls")
                .get(0)
                .get("ls")
                .asString())
        .isEqualTo("C1");
    // A1's 2026 period and its legal status event changed; its placement did not, nor did the
    // records (an extract without the Header table erases nothing).
    assertThat(job.counts().updated()).isEqualTo(2);
    assertThat(
            count(
                "MATCH (r:PersonRecord {localId: 'A1'}) WHERE r.birthDate IS NOT NULL RETURN count(r)"))
        .isEqualTo(1);
    // This extract had no Reviews or Missing table: it says nothing about them, so they stay.
    assertThat(
            count(
                "MATCH (e:Event) WHERE e.kind IN ['LAC_REVIEW', 'MISSING', 'AWAY'] AND e.retiredAt IS NULL RETURN count(e)"))
        .isEqualTo(4);
  }
}
