package org.childjourneys.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.childjourneys.TestNeo4j;
import org.childjourneys.ingest.ImportFormat;
import org.childjourneys.ingest.ImportJob;
import org.childjourneys.ingest.ImportJobService;
import org.childjourneys.ingest.ImportMode;
import org.childjourneys.ingest.ImportRequest;
import org.childjourneys.measures.PlacementStabilityService.Dimension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every measure in docs/measures.md from hand-built statutory files (src/test/resources/measures:
 * an SSDA903 extract, a CIN census and a generic CSV of NEET spells) loaded through the real
 * importers, against answers worked out by hand for the year 1 April 2025 to 31 March 2026. The
 * comments by each child in the files' design say why each counts or not.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "childjourneys.demo.enabled=false",
      "childjourneys.import.directory=target/test-imports"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasuresFromStatutoryFilesTest {

  private static final Path FILES = Path.of("src", "test", "resources", "measures");
  private static final LocalDate FROM = LocalDate.of(2025, 4, 1);
  private static final LocalDate TO = LocalDate.of(2026, 3, 31);

  @DynamicPropertySource
  static void importNeo4j(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> TestNeo4j.importBoltUri().toString());
    registry.add("spring.neo4j.authentication.password", () -> "");
  }

  @Autowired ImportJobService jobs;
  @Autowired MeasuresService measures;
  @Autowired PlacementStabilityService stability;

  @BeforeAll
  void importTheFiles() throws InterruptedException {
    try (var db =
        org.neo4j.driver.GraphDatabase.driver(
            TestNeo4j.importBoltUri(), org.neo4j.driver.AuthTokens.none())) {
      db.executableQuery(
              "MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Service AND NOT n:Need DETACH DELETE n")
          .execute();
    }
    load(ImportFormat.SSDA903, "SSDA903", FILES.resolve("ssda903"));
    load(ImportFormat.CIN, "CIN_CENSUS", FILES.resolve("cin-census.xml"));
    load(ImportFormat.CSV, "CAREERS_SERVICE", FILES.resolve("csv"));
  }

  private void load(ImportFormat format, String system, Path files) throws InterruptedException {
    String id = jobs.newJobId();
    jobs.submit(
        id,
        new ImportRequest(format, system, "999", TO, ImportMode.SNAPSHOT, List.of(files)),
        "test");
    ImportJob job = jobs.await(id, Duration.ofMinutes(5));
    assertThat(job.status()).as(format + " import: " + job.error()).isEqualTo("SUCCEEDED");
    assertThat(job.counts().rejected()).as(format + " rejections").isZero();
  }

  @Test
  void everyDfeMeasureMatchesTheHandWorkedAnswer() {
    Map<String, String> counts =
        measures.counts(FROM, TO).stream()
            .collect(
                Collectors.toMap(
                    MeasuresService.Count::code, c -> c.numerator() + "/" + c.denominator()));
    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                // C1 (11 months after the last) and C3's second (5 months) of C1, C2 (12 months
                // and a day), C3 x2, C7 (previous referral 2020); C4's was the day before the year.
                Map.entry("RE_REFERRALS_12_MONTHS", "2/5"),
                // C1 (a 2024 plan in the census), C2 (NumberOfPreviousCPP 1), C7 (a 2021 plan) of
                // C1, C2, C3 (first), C7.
                Map.entry("REPEAT_CP_PLANS", "3/4"),
                // C1 only: C2's previous plan is not in the data, C7's ended 2 years and a day
                // before.
                Map.entry("REPEAT_CP_PLANS_WITHIN_2_YEARS", "1/4"),
                // C5 (exactly 2 years) of C3, C5, C6 (2 years less a day).
                Map.entry("CP_PLANS_LASTING_2_YEARS", "1/3"),
                // L1 (3 placements), L5 (4) of L1, L2 (2: one ended the day before the year, a
                // T4 and the return from it do not count), L5, L6 (legal status changes only),
                // S1-S5. L3 left care on 31 March; L4 is short breaks only.
                Map.entry("LOOKED_AFTER_3_OR_MORE_PLACEMENTS", "2/9"),
                // S1 (same placement 2 years 1 month), S4 (adoption placement plus the one before)
                // of S1, S2 (2 years less a day), S4; S3 is 16 on 31 March, S5 in care 2.5 years
                // less a day.
                Map.entry("LONG_TERM_PLACEMENT_STABILITY", "2/3"),
                // Academic age 16-17 (born 1 Sep 2007 - 31 Aug 2009): N1, N2, N4, CL1. NEET at the
                // end of Dec/Jan/Feb: N1 3 times, N2 twice (ended 1 Feb): 5 / 3 = 1.67 -> 2.
                // N3 (born 1 Sep 2009) and N5 (31 Aug 2007) are outside the cohort.
                Map.entry("NEET_OR_NOT_KNOWN_16_17", "2/4"),
                // Aged 17-18 on 31 March: CL1 (YES, F2, D1), CL2 (YES, G5, D2).
                Map.entry("CARE_LEAVERS_17_18_IN_TOUCH", "2/2"),
                Map.entry("CARE_LEAVERS_17_18_IN_EDUCATION_EMPLOYMENT_TRAINING", "1/2"),
                Map.entry("CARE_LEAVERS_17_18_SUITABLE_ACCOMMODATION", "1/2"),
                // Aged 19-21: CL3 (19 on 31 March itself; not in touch), CL4 (YES, F4, B1), CL5
                // (refuses contact); CL6 is 22.
                Map.entry("CARE_LEAVERS_19_21_IN_TOUCH", "1/3"),
                Map.entry("CARE_LEAVERS_19_21_IN_EDUCATION_EMPLOYMENT_TRAINING", "1/3"),
                Map.entry("CARE_LEAVERS_19_21_SUITABLE_ACCOMMODATION", "1/3")));
  }

  @Test
  void placementMovesFirstMovesAndDurationsMatchTheHandWorkedAnswer() {
    var all =
        stability
            .tallies(FROM, TO, FROM.minusYears(2), EnumSet.noneOf(Dimension.class))
            .get(Arrays.asList(null, null, null, null, null));
    // Children with a counted placement in the year: L1, L2, L3, L5, L6, S1-S5 (not L4).
    assertThat(all.children).hasSize(10);
    // L1 3, L2 2, L3 3, L5 4, L6 1, S1 1, S2 1, S3 1, S4 2, S5 1.
    assertThat(all.placements).isEqualTo(19);
    // L1 2, L2 1 (the T4 and the return are not moves), L3 2, L5 3 (one on RNE U), S4 1 (RNE B:
    // placement and legal status changed together); L6's RNE L changes are not moves.
    assertThat(all.moves).isEqualTo(9);
    // Periods of care started since 1 April 2023: L1 (moved after 120 days), L2 (455), L3 (52),
    // L5 (31), S2 (184); L6 (423) and S5 (912) not moved by 31 March 2026: censored.
    assertThat(all.firstMove.size()).isEqualTo(7);
    assertThat(all.firstMove.events()).isEqualTo(5);
    assertThat(all.firstMove.survival(91)).isCloseTo(5.0 / 7, within(1e-9));
    assertThat(all.firstMove.survival(365)).isCloseTo(3.0 / 7, within(1e-9));
    assertThat(all.firstMove.survival(730)).isCloseTo(3.0 / 7 / 2, within(1e-9));
    assertThat(all.firstMove.medianDays()).isEqualTo(184);
    // Counted placements started since 1 April 2023: 19, of which 11 ended by 31 March 2026.
    // Ended within 91 days: 30, 31, 31, 52, 61 -> 14/19. Then 120 (one ended, one censored),
    // 123, 184 x2, 211 (censored), 242 (one ended, one censored): to one year
    // 14/19 x 13/14 x 11/12 x 9/11 x 7/8.
    assertThat(all.duration.size()).isEqualTo(19);
    assertThat(all.duration.events()).isEqualTo(11);
    assertThat(all.duration.survival(91)).isCloseTo(14.0 / 19, within(1e-9));
    assertThat(all.duration.survival(365))
        .isCloseTo(14.0 / 19 * 13 / 14 * 11 / 12 * 9 / 11 * 7 / 8, within(1e-9));
    assertThat(all.duration.medianDays()).isEqualTo(242);

    var byType =
        stability.tallies(FROM, TO, FROM.minusYears(2), EnumSet.of(Dimension.PLACEMENT_TYPE));
    Map<String, int[]> typeCounts =
        byType.entrySet().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getKey().get(3),
                    e -> new int[] {e.getValue().placements, e.getValue().moves}));
    // Moves are told against the placement moved from: 6 from U4, 3 from U5.
    assertThat(typeCounts).containsOnlyKeys("U4", "U5", "K2", "A5");
    assertThat(typeCounts.get("U4")).containsExactly(11, 6);
    assertThat(typeCounts.get("U5")).containsExactly(6, 3);
    assertThat(typeCounts.get("K2")).containsExactly(1, 0);
    assertThat(typeCounts.get("A5")).containsExactly(1, 0);

    var byUasc = stability.tallies(FROM, TO, FROM.minusYears(2), EnumSet.of(Dimension.UASC));
    var uasc = byUasc.get(Arrays.asList(null, null, "UASC", null, null));
    assertThat(uasc.children).containsExactly(childIdOf("L2"));
    assertThat(uasc.placements).isEqualTo(2);
    assertThat(uasc.moves).isEqualTo(1);
  }

  @Test
  void smallGroupsAreWithheldAndTheirEstimatesWithThem() {
    var shown = stability.placementStability(2026, EnumSet.of(Dimension.UASC)).rows();
    var uasc = shown.stream().filter(r -> "UASC".equals(r.uasc())).findFirst().orElseThrow();
    assertThat(uasc.children()).isNull();
    assertThat(uasc.moves()).isNull();
    assertThat(uasc.movesPerChild()).isNull();
    assertThat(uasc.duration().curve()).allSatisfy(p -> assertThat(p.share()).isNull());
    var others = shown.stream().filter(r -> "NOT_UASC".equals(r.uasc())).findFirst().orElseThrow();
    assertThat(others.children()).isEqualTo(9);
    assertThat(others.placements()).isEqualTo(17);
    assertThat(others.moves()).isEqualTo(8);
    // 5 first moves of 6 periods: withheld with the count.
    assertThat(others.firstMove().ended()).isNull();
    assertThat(others.firstMove().medianDays()).isNull();
    assertThat(others.duration().started()).isEqualTo(16); // 19 less L2's 3
    assertThat(others.duration().curve())
        .extracting(PlacementStabilityService.Point::months)
        .containsExactly(1, 3, 6, 12, 24);
  }

  private static String childIdOf(String laChildId) {
    try (var db =
        org.neo4j.driver.GraphDatabase.driver(
            TestNeo4j.importBoltUri(), org.neo4j.driver.AuthTokens.none())) {
      return db.executableQuery(
              "MATCH (:PersonRecord {system: 'SSDA903', localId: $id})-[:REFERS_TO]->(c:Child)"
                  + " RETURN c.id AS id")
          .withParameters(Map.of("id", laChildId))
          .execute()
          .records()
          .get(0)
          .get("id")
          .asString();
    }
  }
}
