package org.childjourneys.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.childjourneys.security.Actor;
import org.childjourneys.security.Role;
import org.junit.jupiter.api.Test;

/** Primary and secondary suppression, on tables chosen to catch the easy mistakes. */
class SmallNumbersTest {

  @Test
  void primarySuppressionWithholdsOneToFive() {
    assertThat(SmallNumbers.suppress(0)).isZero();
    assertThat(SmallNumbers.suppress(1)).isNull();
    assertThat(SmallNumbers.suppress(5)).isNull();
    assertThat(SmallNumbers.suppress(6)).isEqualTo(6);
  }

  @Test
  void aTableWithoutTotalsGetsPrimarySuppressionOnly() {
    var table = new SmallNumbers.Table().count("a", 3).count("b", 40).count("c", 0);
    assertThat(SmallNumbers.suppress(table))
        .containsExactly(entry("a", null), entry("b", 40), entry("c", 0));
  }

  @Test
  void oneWithheldCellBesideATotalTakesTheNextSmallestNonZeroCellWithIt() {
    var table =
        row(Map.of("a", 3L, "b", 0L, "c", 9L, "d", 7L, "e", 30L), List.of("a", "b", "c", "d", "e"));
    Map<String, Integer> shown = SmallNumbers.suppress(table);
    // 7 is the smallest non-zero count still shown; the zero stays.
    assertThat(shown)
        .containsEntry("a", null)
        .containsEntry("b", 0)
        .containsEntry("c", 9)
        .containsEntry("d", null)
        .containsEntry("e", 30)
        .containsEntry("total", 49);
    assertNoWithheldCellCanBeWorkedOut(table, shown);
  }

  @Test
  void whenTheOtherCellsAreZeroTheTotalIsWithheld() {
    var table = row(Map.of("a", 0L, "b", 4L, "c", 0L), List.of("a", "b", "c"));
    assertThat(SmallNumbers.suppress(table))
        .containsEntry("b", null)
        .containsEntry("total", null)
        .containsEntry("a", 0)
        .containsEntry("c", 0);
  }

  @Test
  void aSmallTotalIsWithheldAndTakesAPartWithIt() {
    // Total 4 is withheld (primary); its only non-zero part is 4 and withheld too.
    var table = row(Map.of("a", 4L, "b", 0L), List.of("a", "b"));
    assertThat(SmallNumbers.suppress(table)).containsEntry("a", null).containsEntry("total", null);
  }

  @Test
  void twoWithheldCellsOfOneAreNotEnough() {
    // 1 + 1 withheld beside a shown total of 22: the withheld pair adds up to 2, so both are 1s.
    var table = row(Map.of("a", 1L, "b", 1L, "c", 20L, "d", 8L), List.of("a", "b", "c", "d"));
    Map<String, Integer> shown = SmallNumbers.suppress(table);
    assertThat(shown).containsEntry("a", null).containsEntry("b", null).containsEntry("d", null);
    assertThat(shown).containsEntry("c", 20).containsEntry("total", 30);
    assertNoWithheldCellCanBeWorkedOut(table, shown);
  }

  @Test
  void twoSmallCellsWithheldTogetherNeedNothingMore() {
    var table = row(Map.of("a", 2L, "b", 5L, "c", 20L), List.of("a", "b", "c"));
    assertThat(SmallNumbers.suppress(table))
        .containsEntry("a", null)
        .containsEntry("b", null)
        .containsEntry("c", 20)
        .containsEntry("total", 27);
  }

  @Test
  void secondarySuppressionCascadesAcrossRowsAndColumnsUntilStable() {
    // 3x3 with row totals, column totals and a grand total. One small cell (r1c1 = 2).
    long[][] cells = {{2, 10, 40}, {8, 30, 9}, {50, 7, 60}};
    var table = grid(cells);
    Map<String, Integer> shown = SmallNumbers.suppress(table);
    assertThat(shown.get("r0c0")).isNull();
    // Every row and column group now has zero or at least two withheld members.
    assertNoWithheldCellCanBeWorkedOut(table, shown);
    assertThat(shown.values().stream().filter(v -> v == null).count()).isGreaterThanOrEqualTo(4);
    assertThat(shown.get("grand")).isEqualTo(216);
  }

  @Test
  void randomTablesNeverLeaveAGroupWithOneWithheldMember() {
    Random random = new Random(42);
    for (int round = 0; round < 2000; round++) {
      int rows = 1 + random.nextInt(4);
      int columns = 1 + random.nextInt(5);
      long[][] cells = new long[rows][columns];
      for (long[] row : cells) {
        for (int c = 0; c < columns; c++) {
          int pick = random.nextInt(10);
          row[c] = pick < 3 ? 0 : pick < 7 ? 1 + random.nextInt(5) : 6 + random.nextInt(40);
        }
      }
      var table = grid(cells);
      assertNoWithheldCellCanBeWorkedOut(table, SmallNumbers.suppress(table));
    }
  }

  @Test
  void aTotalMustAddUpCountsAlreadyInTheTable() {
    assertThatThrownBy(() -> new SmallNumbers.Table().count("a", 1).total("t", List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown count b");
    assertThatThrownBy(() -> new SmallNumbers.Table().count("a", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyAManagerReadingTheirOwnTeamSeesRealNumbers() {
    var table = row(Map.of("a", 3L, "b", 9L), List.of("a", "b"));
    String team = "SYN_SOCIAL_CARE:TEAM:ASSESSMENT_1";
    Actor manager = new Actor("manager", Role.MANAGER, team);
    assertThat(Audience.ofTeam(manager, team)).isEqualTo(Audience.OWN_TEAM_MANAGER);
    assertThat(SmallNumbers.forAudience(Audience.ofTeam(manager, team), table))
        .containsEntry("a", 3)
        .containsEntry("b", 9)
        .containsEntry("total", 12);

    assertThat(Audience.ofTeam(manager, "SYN_SOCIAL_CARE:TEAM:ASSESSMENT_2"))
        .isEqualTo(Audience.STAFF);
    assertThat(Audience.ofTeam(new Actor("m", Role.MANAGER, null), team)).isEqualTo(Audience.STAFF);
    assertThat(Audience.ofTeam(new Actor("f", Role.FRONTLINE, team), team))
        .isEqualTo(Audience.STAFF);
    assertThat(Audience.ofTeam(new Actor("a", Role.ANALYST, team), team))
        .isEqualTo(Audience.NO_RECORD_ACCESS);
    assertThat(Audience.of(new Actor("l", Role.LEADER, null))).isEqualTo(Audience.NO_RECORD_ACCESS);
    for (Audience audience :
        List.of(Audience.STAFF, Audience.NO_RECORD_ACCESS, Audience.PUBLICATION)) {
      assertThat(SmallNumbers.forAudience(audience, table))
          .containsEntry("a", null)
          .containsEntry("b", null)
          .containsEntry("total", 12);
    }
  }

  /** Parts in order and a total named "total". */
  private static SmallNumbers.Table row(Map<String, Long> counts, List<String> order) {
    var table = new SmallNumbers.Table();
    order.forEach(k -> table.count(k, counts.get(k)));
    return table.total("total", order);
  }

  /** Cells rNcM, row totals rN, column totals cM, and grand = sum of the row totals. */
  private static SmallNumbers.Table grid(long[][] cells) {
    var table = new SmallNumbers.Table();
    int columns = cells[0].length;
    for (int r = 0; r < cells.length; r++) {
      for (int c = 0; c < columns; c++) {
        table.count("r" + r + "c" + c, cells[r][c]);
      }
    }
    List<String> rowTotals = new ArrayList<>();
    for (int r = 0; r < cells.length; r++) {
      List<String> parts = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        parts.add("r" + r + "c" + c);
      }
      table.total("r" + r, parts);
      rowTotals.add("r" + r);
    }
    for (int c = 0; c < columns; c++) {
      List<String> parts = new ArrayList<>();
      for (int r = 0; r < cells.length; r++) {
        parts.add("r" + r + "c" + c);
      }
      table.total("c" + c, parts);
    }
    return table.total("grand", rowTotals);
  }

  /**
   * Independent check of the guarantee, per group: a shown total never exposes a withheld member
   * (exactly one withheld, or withheld parts that must all be 1), and primary cells are withheld.
   */
  private static void assertNoWithheldCellCanBeWorkedOut(
      SmallNumbers.Table table, Map<String, Integer> shown) {
    Map<String, Integer> real = table.counts();
    real.forEach(
        (key, count) -> {
          if (count >= 1 && count <= 5) {
            assertThat(shown.get(key)).as("primary %s", key).isNull();
          }
        });
    for (SmallNumbers.Table.Group group : table.groups()) {
      List<String> withheld = group.members().stream().filter(k -> shown.get(k) == null).toList();
      assertThat(withheld.size()).as("withheld in %s of %s", group, real).isNotEqualTo(1);
      if (!withheld.isEmpty() && shown.get(group.total()) != null) {
        int sum = withheld.stream().mapToInt(real::get).sum();
        assertThat(sum).as("withheld parts of %s are all 1s", group).isNotEqualTo(withheld.size());
      }
    }
  }

  private static Map.Entry<String, Integer> entry(String key, Integer value) {
    Map<String, Integer> m = new HashMap<>();
    m.put(key, value);
    return m.entrySet().iterator().next();
  }
}
