package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The population and imd formats: what loads, what is rejected and why, re-imports. */
class PopulationImportTest extends ImportTestBase {

  static final Path FILES = MESSY.resolve("population-messy");

  @BeforeEach
  void areas() {
    query(
        """
        CREATE (w:Area {code: 'E05000001', kind: 'WARD'})
        WITH w
        UNWIND ['E01000001', 'E01000002', 'E01000003', 'E01000004'] AS code
        CREATE (:Area {code: code, kind: 'LSOA', imdDecile: CASE code WHEN 'E01000003' THEN 5 END})-[:IN]->(w)
        """);
  }

  private ImportJob population(Path file, LocalDate reference) throws InterruptedException {
    return runImport(ImportFormat.POPULATION, "ONS", reference, ImportMode.DELTA, file);
  }

  private static List<String> estimates() {
    return query(
            "MATCH (p:PopulationEstimate) RETURN p.key AS key, p.areaCode AS area, p.year AS year,"
                + " p.ageFrom AS f, p.ageTo AS t, p.count AS n ORDER BY key")
        .stream()
        .map(
            r ->
                r.get("key").asString()
                    + " "
                    + r.get("area").asString()
                    + " "
                    + r.get("year").asInt()
                    + " "
                    + r.get("f").asInt()
                    + "-"
                    + r.get("t").asInt()
                    + " "
                    + r.get("n").asLong())
        .toList();
  }

  @Test
  void longLayoutLoadsKnownAreasAndRejectsBadRowsRowByRow() throws Exception {
    ImportJob job = population(FILES.resolve("long.csv"), null);

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    String notLoaded = "; record not loaded";
    assertThat(rejections(job.id()))
        .extracting(
            Rejection::file,
            Rejection::location,
            Rejection::field,
            Rejection::value,
            Rejection::reason)
        .containsExactly(
            tuple(
                "long.csv",
                "row 4",
                "age",
                "0-4",
                "age 0-4 overlaps age 0 of the same area and year (long.csv row 2)" + notLoaded),
            tuple(
                "long.csv",
                "row 5",
                "area_code",
                "E0100001",
                "not an ONS area code (a letter and 8 digits, e.g. E01000001 for an LSOA,"
                    + " E05000001 for a ward)"
                    + notLoaded),
            tuple(
                "long.csv",
                "row 6",
                "age",
                "seven",
                "not an age (7), an age band (0-4 or 0 to 4) or an open band (90+)" + notLoaded),
            tuple(
                "long.csv",
                "row 7",
                "year",
                "1990",
                "not a mid-year from 1991 to "
                    + LocalDate.now().getYear()
                    + " (e.g. 2024)"
                    + notLoaded),
            tuple(
                "long.csv",
                "row 8",
                "count",
                "-4",
                "not a whole number of people (0 or more)" + notLoaded));
    // 10 rows read; 5 rejected; E09999999 is no area of ours: read and left out.
    assertThat(job.counts().read()).isEqualTo(10);
    assertThat(job.counts().rejected()).isEqualTo(5);
    assertThat(job.counts().created()).isEqualTo(4);
    assertThat(estimates())
        .containsExactly(
            "E01000001|2024|0-0 E01000001 2024 0-0 10",
            "E01000001|2024|1-1 E01000001 2024 1-1 12",
            "E01000002|2024|5-9 E01000002 2024 5-9 30",
            "E01000002|2024|90-120 E01000002 2024 90-120 7");
    assertThat(
            query(
                    "MATCH (p:PopulationEstimate {key: 'E01000002|2024|5-9'}) RETURN"
                        + " p.sourceSystem AS s, p.sourceFile AS f, p.sourceRecord AS r,"
                        + " p.importJob AS j")
                .get(0)
                .values()
                .stream()
                .map(v -> v.asString())
                .toList())
        .containsExactly("ONS", "long.csv", "long.csv row 10", job.id());

    // The same file again changes nothing.
    ImportJob again = population(FILES.resolve("long.csv"), null);
    assertThat(again.counts().created()).isZero();
    assertThat(again.counts().updated()).isZero();
    assertThat(again.counts().unchanged()).isEqualTo(4);
    assertThat(estimates()).hasSize(4);

    // A file's ages for an area and year replace those it had: age 0 revised, age 1 removed.
    ImportJob revised = population(FILES.resolve("revised.csv"), null);
    assertThat(revised.counts().updated()).isEqualTo(2);
    assertThat(estimates())
        .containsExactly(
            "E01000001|2024|0-0 E01000001 2024 0-0 11",
            "E01000002|2024|5-9 E01000002 2024 5-9 30",
            "E01000002|2024|90-120 E01000002 2024 90-120 7");
  }

  @Test
  void wideOnsLayoutSumsSexesAndTakesTheYearFromTheReferenceDate() throws Exception {
    ImportJob noYear = population(FILES.resolve("wide.csv"), null);
    assertThat(noYear.status()).isEqualTo("FAILED");
    assertThat(noYear.error())
        .contains(
            "wide.csv has no year column (year or mid_year): give the mid-year the estimates are"
                + " for as the reference date (--reference-date 2024-06-30)");

    ImportJob job = population(FILES.resolve("wide.csv"), LocalDate.of(2023, 6, 30));
    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id()))
        .extracting(Rejection::location, Rejection::field, Rejection::value, Rejection::reason)
        .containsExactly(
            tuple(
                "row 3", "F1", "x", "not a whole number of people (0 or more); record not loaded"));
    // F0 + M0, F1 + M1, F90 + M90 (90 and over); the Total column is not an age.
    assertThat(estimates())
        .containsExactly(
            "E01000003|2023|0-0 E01000003 2023 0-0 9",
            "E01000003|2023|1-1 E01000003 2023 1-1 9",
            "E01000003|2023|90-120 E01000003 2023 90-120 3");
  }

  @Test
  void imdDecilesAreSetOnKnownLsoasAndBadRowsRejected() throws Exception {
    ImportJob job =
        runImport(ImportFormat.IMD, "MHCLG", null, ImportMode.DELTA, FILES.resolve("imd.csv"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id()))
        .extracting(
            Rejection::file,
            Rejection::location,
            Rejection::field,
            Rejection::value,
            Rejection::reason)
        .containsExactly(
            tuple(
                "imd.csv",
                "row 4",
                "imd_rank",
                "abc",
                "not a rank (1 = most deprived); loaded without it"),
            tuple(
                "imd.csv",
                "row 5",
                "imd_decile",
                "11",
                "not a decile from 1 (most deprived) to 10; record not loaded"),
            tuple(
                "imd.csv",
                "row 6",
                "lsoa_code",
                "E0100005",
                "not an LSOA code (a letter, 01 and 6 digits, e.g. E01000001); record not loaded"),
            tuple(
                "imd.csv",
                "row 7",
                "lsoa_code",
                "E01000001",
                "the same LSOA appears earlier (imd.csv row 2); record not loaded"),
            tuple(
                "imd.csv",
                "row 9",
                "lsoa_code",
                "E05000001",
                "not an LSOA code (a letter, 01 and 6 digits, e.g. E01000001); record not loaded"));
    assertThat(job.counts().read()).isEqualTo(8);
    // E01000001 and E01000002 get their first decile; E01000003's changes from 5 to 3.
    assertThat(job.counts().created()).isEqualTo(2);
    assertThat(job.counts().updated()).isEqualTo(1);
    assertThat(
            query(
                    "MATCH (a:Area {kind: 'LSOA'}) RETURN a.code AS code, a.imdDecile AS d,"
                        + " a.imdRank AS r ORDER BY code")
                .stream()
                .map(r -> r.get("code").asString() + " " + r.get("d") + " " + r.get("r"))
                .toList())
        .containsExactly(
            "E01000001 9 29199", "E01000002 10 30379", "E01000003 3 NULL", "E01000004 NULL NULL");

    ImportJob again =
        runImport(ImportFormat.IMD, "MHCLG", null, ImportMode.DELTA, FILES.resolve("imd.csv"));
    assertThat(again.counts().created()).isZero();
    assertThat(again.counts().updated()).isZero();
    assertThat(again.counts().unchanged()).isEqualTo(3);
  }

  @Test
  void theExamplesLoadWithoutRejections() throws Exception {
    query(
        "UNWIND range(1, 8) AS i CREATE (:Area {code: 'X01' + right('00000' + i, 6), kind:"
            + " 'LSOA'})");
    ImportJob population =
        population(EXAMPLES.resolve("population/lsoa-mid-2025.csv"), LocalDate.of(2025, 6, 30));
    assertThat(population.status()).as(population.error()).isEqualTo("SUCCEEDED");
    assertThat(population.counts().rejected()).isZero();
    assertThat(population.counts().created()).isEqualTo(8 * 18);
    // X01000001: F0 17 + M0 15.
    assertThat(count("MATCH (p:PopulationEstimate {key: 'X01000001|2025|0-0'}) RETURN p.count"))
        .isEqualTo(32);
    ImportJob imd =
        runImport(
            ImportFormat.IMD,
            "MHCLG",
            null,
            ImportMode.DELTA,
            EXAMPLES.resolve("imd/imd-file-1.csv"));
    assertThat(imd.counts().rejected()).isZero();
    assertThat(imd.counts().created()).isEqualTo(8);
    assertThat(count("MATCH (a:Area {code: 'X01000002'}) RETURN a.imdDecile")).isEqualTo(7);
  }
}
