package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

/** The indicators and neighbours formats: what loads, what is rejected and why, re-imports. */
class StatisticalNeighboursImportTest extends ImportTestBase {

  static final Path FILES = MESSY.resolve("neighbours-messy");
  static final String NOT_LA =
      "not an English LA code (E06, E08, E09 or E10 and 6 digits, e.g. E06000001); record not"
          + " loaded";
  static final String OLD_LA =
      "an old (3-digit) LA number: give the LA's 9-character ONS code, e.g. E06000001; record not"
          + " loaded";

  @Test
  void indicatorsLoadWithSuppressedValuesAndBadRowsAreRejectedRowByRow() throws Exception {
    ImportJob job = indicators(FILES.resolve("indicators.csv"));

    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    String period =
        "not a period from 2000 to "
            + (LocalDate.now().getYear() + 1)
            + ": a year ending 31 March (2026) or a year as 202526, 2025-26 or 2025/26; record"
            + " not loaded";
    assertThat(rejections(job.id()))
        .extracting(
            Rejection::file,
            Rejection::location,
            Rejection::field,
            Rejection::value,
            r -> r.reason())
        .containsExactly(
            tuple("indicators.csv", "row 5", "new_la_code", "E0600090", NOT_LA),
            tuple(
                "indicators.csv",
                "row 6",
                "value",
                "twelve",
                "not a number nor a DfE symbol for a value not available (c, x, z, u, low, :);"
                    + " record not loaded"),
            tuple("indicators.csv", "row 7", "time_period", "2025Q1", period),
            tuple(
                "indicators.csv",
                "row 9",
                "indicator",
                "Children in need rate per 10000",
                "not an indicator this service compares; use one of our measure codes"
                    + " [RE_REFERRALS_12_MONTHS, REPEAT_CP_PLANS, REPEAT_CP_PLANS_WITHIN_2_YEARS,"
                    + " CP_PLANS_LASTING_2_YEARS, LOOKED_AFTER_3_OR_MORE_PLACEMENTS,"
                    + " LONG_TERM_PLACEMENT_STABILITY,"
                    + " NEET_OR_NOT_KNOWN_16_17, CARE_LEAVERS_17_18_IN_TOUCH, CARE_LEAVERS_17_18_IN_EDUCATION_EMPLOYMENT_TRAINING, CARE_LEAVERS_17_18_SUITABLE_ACCOMMODATION, CARE_LEAVERS_19_21_IN_TOUCH, CARE_LEAVERS_19_21_IN_EDUCATION_EMPLOYMENT_TRAINING, CARE_LEAVERS_19_21_SUITABLE_ACCOMMODATION"
                    + "] or a name in import/README.md; record not"
                    + " loaded"),
            tuple(
                "indicators.csv",
                "row 10",
                null,
                "E06000901|RE_REFERRALS_12_MONTHS|2026",
                "the same LA, indicator and period appear earlier (indicators.csv row 3); this"
                    + " row is not loaded"),
            tuple("indicators.csv", "row 11", "new_la_code", "905", OLD_LA),
            tuple(
                "indicators.csv",
                "row 12",
                "value",
                "130",
                "not a percentage from 0 to 100; record not loaded"),
            tuple("indicators.csv", "row 13", "time_period", "202527", period));
    // 13 rows read: 4 loaded, 8 rejected, the regional row read and left out.
    assertThat(job.counts().read()).isEqualTo(13);
    assertThat(job.counts().created()).isEqualTo(4);
    assertThat(job.counts().rejected()).isEqualTo(8);
    assertThat(
            query(
                    "MATCH (i:LaIndicator) RETURN i.key AS key, i.laCode AS la, i.indicator AS ind,"
                        + " i.period AS period, i.value AS value, i.suppressed AS suppressed,"
                        + " i.publishedValue AS published, i.national AS national ORDER BY key")
                .stream()
                .map(
                    r ->
                        tuple(
                            r.get("key").asString(),
                            r.get("la").asString(),
                            r.get("ind").asString(),
                            r.get("period").asInt(),
                            r.get("value").isNull() ? null : r.get("value").asDouble(),
                            r.get("suppressed").asBoolean(),
                            r.get("published").asString(null),
                            r.get("national").asBoolean()))
                .toList())
        .containsExactly(
            tuple(
                "E06000901|RE_REFERRALS_12_MONTHS|2026",
                "E06000901",
                "RE_REFERRALS_12_MONTHS",
                2026,
                20.0,
                false,
                "20.0",
                false),
            tuple(
                "E06000902|RE_REFERRALS_12_MONTHS|2026",
                "E06000902",
                "RE_REFERRALS_12_MONTHS",
                2026,
                null,
                true,
                "c",
                false),
            tuple(
                "E06000908|RE_REFERRALS_12_MONTHS|2026",
                "E06000908",
                "RE_REFERRALS_12_MONTHS",
                2026,
                null,
                false,
                null,
                false),
            tuple(
                "E92000001|RE_REFERRALS_12_MONTHS|2026",
                "E92000001",
                "RE_REFERRALS_12_MONTHS",
                2026,
                21.5,
                false,
                "21.5",
                true));
    Record ashby =
        query(
                "MATCH (i:LaIndicator {key: 'E06000901|RE_REFERRALS_12_MONTHS|2026'})"
                    + " RETURN i.publishedIndicator AS ind, i.laName AS name,"
                    + " i.sourceSystem AS system, i.sourceFile AS file, i.sourceRecord AS record,"
                    + " i.importJob AS job")
            .get(0);
    assertThat(ashby.get("ind").asString())
        .isEqualTo("Re-referrals within 12 months of a previous referral");
    assertThat(ashby.get("name").asString()).isEqualTo("Example Ashby");
    assertThat(ashby.get("system").asString()).isEqualTo("DFE_STATISTICS");
    assertThat(ashby.get("file").asString()).isEqualTo("indicators.csv");
    assertThat(ashby.get("record").asString()).isEqualTo("row 3");
    assertThat(ashby.get("job").asString()).isEqualTo(job.id());
    // Each LA is a LocalAuthority by its ONS code; England is not one.
    assertThat(
            query("MATCH (l:LocalAuthority) RETURN l.code AS code, l.name AS name ORDER BY code")
                .stream()
                .map(r -> tuple(r.get("code").asString(), r.get("name").asString()))
                .toList())
        .containsExactly(
            tuple("E06000901", "Example Ashby"),
            tuple("E06000902", "Example Brook"),
            tuple("E06000908", "Example Hallam"));

    // The same file again: nothing new, nothing changed, no duplicates.
    ImportJob again = indicators(FILES.resolve("indicators.csv"));
    assertThat(again.counts().created()).isZero();
    assertThat(again.counts().updated()).isZero();
    assertThat(again.counts().unchanged()).isEqualTo(4);
    assertThat(count("MATCH (i:LaIndicator) RETURN count(i)")).isEqualTo(4);
    assertThat(count("MATCH (l:LocalAuthority) RETURN count(l)")).isEqualTo(3);
  }

  @Test
  void theExampleIndicatorsLoadWithoutRejections() throws Exception {
    ImportJob job = indicators(EXAMPLES.resolve("indicators"));
    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(job.id())).isEmpty();
    // 15 rows: the regional one is read and left out.
    assertThat(job.counts().read()).isEqualTo(15);
    assertThat(job.counts().created()).isEqualTo(14);
    assertThat(
            count(
                "MATCH (i:LaIndicator {key: 'E06000901|LOOKED_AFTER_3_OR_MORE_PLACEMENTS|2026'})"
                    + " WHERE i.value = 9.5 RETURN count(i)"))
        .isEqualTo(1);
  }

  @Test
  void neighbourListsLoadInEitherLayoutReplacingAnLasListAndBadRowsAreRejected() throws Exception {
    ImportJob wide = neighbours(FILES.resolve("neighbours-wide.csv"));
    assertThat(wide.status()).as(wide.error()).isEqualTo("SUCCEEDED");
    assertThat(rejections(wide.id()))
        .extracting(
            Rejection::file,
            Rejection::location,
            Rejection::field,
            Rejection::value,
            r -> r.reason())
        .containsExactly(
            tuple("neighbours-wide.csv", "row 3", "sn3", "ABC", NOT_LA),
            tuple(
                "neighbours-wide.csv",
                "row 4",
                "sn1",
                "E06000903",
                "the LA itself cannot be its own neighbour; record not loaded"),
            tuple(
                "neighbours-wide.csv",
                "row 5",
                "new_la_code",
                "E06000999",
                "the LA's list appears earlier (neighbours-wide.csv row 2); record not loaded"));
    assertThat(wide.counts().read()).isEqualTo(4);
    assertThat(wide.counts().created()).isEqualTo(10);
    assertThat(neighboursOf("E06000999"))
        .containsExactly(
            "1 E06000901",
            "2 E06000902",
            "3 E06000903",
            "4 E06000904",
            "5 E06000905",
            "6 E06000906",
            "7 E06000907",
            "8 E06000908",
            "9 E06000909",
            "10 E06000910");
    assertThat(
            query("MATCH (l:LocalAuthority {code: 'E06000999'}) RETURN l.name AS name")
                .get(0)
                .get("name")
                .asString())
        .isEqualTo("Example LA");

    ImportJob lng = neighbours(FILES.resolve("neighbours-long.csv"));
    assertThat(rejections(lng.id()))
        .extracting(
            Rejection::file,
            Rejection::location,
            Rejection::field,
            Rejection::value,
            r -> r.reason())
        .containsExactly(
            tuple(
                "neighbours-long.csv",
                "row 4",
                "rank",
                "11",
                "not a rank from 1 to 10; record not loaded"),
            tuple(
                "neighbours-long.csv",
                "row 5",
                "neighbour_code",
                "E06000905",
                "already the LA's neighbour 1 (row 2); record not loaded"),
            tuple("neighbours-long.csv", "row 6", "neighbour_code", "999", OLD_LA));
    assertThat(neighboursOf("E06000904")).containsExactly("1 E06000905", "2 E06000906");

    // A revised list replaces the LA's list: a neighbour dropped, another moved.
    ImportJob revised = neighbours(FILES.resolve("neighbours-revised.csv"));
    assertThat(rejections(revised.id())).isEmpty();
    assertThat(revised.counts().created()).isEqualTo(1);
    assertThat(revised.counts().updated()).isEqualTo(2);
    assertThat(neighboursOf("E06000904")).containsExactly("1 E06000908", "2 E06000905");
    assertThat(
            query("MATCH (l:LocalAuthority {code: 'E06000908'}) RETURN l.name AS name")
                .get(0)
                .get("name")
                .asString())
        .isEqualTo("Example Hallam");
    // The other LA's list is untouched by it.
    assertThat(neighboursOf("E06000999")).hasSize(10);

    // The wide file again: no duplicates, nothing changed.
    ImportJob again = neighbours(FILES.resolve("neighbours-wide.csv"));
    assertThat(again.counts().created()).isZero();
    assertThat(again.counts().updated()).isZero();
    assertThat(again.counts().unchanged()).isEqualTo(10);
    assertThat(count("MATCH ()-[r:STATISTICAL_NEIGHBOUR]->() RETURN count(r)")).isEqualTo(12);
    assertThat(count("MATCH (l:LocalAuthority) RETURN count(l)")).isEqualTo(11);
    Record rel =
        query(
                "MATCH (:LocalAuthority {code: 'E06000999'})-[r:STATISTICAL_NEIGHBOUR]->"
                    + "(:LocalAuthority {code: 'E06000901'}) RETURN r.sourceSystem AS system,"
                    + " r.sourceFile AS file, r.sourceRecord AS record, r.importJob AS job")
            .get(0);
    assertThat(rel.get("system").asString()).isEqualTo("DFE_STATISTICS");
    assertThat(rel.get("file").asString()).isEqualTo("neighbours-wide.csv");
    assertThat(rel.get("record").asString()).isEqualTo("row 2");
    assertThat(rel.get("job").asString()).isEqualTo(wide.id());
  }

  @Test
  void publishedStatisticsLoadIntoASyntheticDatabaseToo() throws Exception {
    // They are about no one: the synthetic demo can show its neighbours.
    query("CREATE (:Dataset {id: 'main', kind: 'SYNTHETIC', status: 'COMPLETE'})");
    ImportJob job = neighbours(EXAMPLES.resolve("neighbours"));
    assertThat(job.status()).as(job.error()).isEqualTo("SUCCEEDED");
    assertThat(job.counts().created()).isEqualTo(20);
    assertThat(
            query("MATCH (d:Dataset {id: 'main'}) RETURN d.kind AS kind")
                .get(0)
                .get("kind")
                .asString())
        .isEqualTo("SYNTHETIC");
  }

  @Test
  void aFileOfAnotherKindFailsTheJobNamingIt() throws Exception {
    ImportJob job = neighbours(FILES.resolve("indicators.csv"));
    assertThat(job.status()).isEqualTo("FAILED");
    assertThat(job.error())
        .startsWith("indicators.csv is not a statistical neighbours file: its header row needs");
  }

  private ImportJob indicators(Path file) throws InterruptedException {
    return runImportForLa(
        ImportFormat.INDICATORS, "DFE_STATISTICS", null, null, ImportMode.DELTA, file);
  }

  private ImportJob neighbours(Path file) throws InterruptedException {
    return runImportForLa(
        ImportFormat.NEIGHBOURS, "DFE_STATISTICS", null, null, ImportMode.DELTA, file);
  }

  private static java.util.List<String> neighboursOf(String la) {
    return query(
            "MATCH (:LocalAuthority {code: $la})-[r:STATISTICAL_NEIGHBOUR]->(n:LocalAuthority)"
                + " RETURN r.rank + ' ' + n.code AS n ORDER BY r.rank",
            "la",
            la)
        .stream()
        .map(r -> r.get("n").asString())
        .toList();
  }
}
