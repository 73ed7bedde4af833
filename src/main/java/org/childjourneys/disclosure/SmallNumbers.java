package org.childjourneys.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-number suppression as the DfE publishes: a count from 1 to 5 could identify a child, so it
 * is withheld (null; {@code [c]} in a publication such as the board reports, docs/reports.md).
 *
 * <p><b>Primary suppression</b> ({@link #suppress(long)}): every count from 1 to 5 is withheld.
 * Zero and counts of 6 or more are shown.
 *
 * <p><b>Secondary suppression</b> ({@link #suppress(Table)}): when an output also shows a total,
 * one withheld cell could be recovered by subtracting the others from the total. A {@link Table}
 * declares which of its counts add up to which total (a row, a column, a grand total). After
 * primary suppression, every such group (its parts and its total) is checked: if exactly one member
 * is withheld, a second is withheld too, namely the smallest non-zero part still shown (ties: the
 * first declared); if no part qualifies (the others are all zero), the total is withheld. The same
 * is done when the total is shown and the withheld parts are all 1s: zero is never withheld, so a
 * reader who finds that two withheld parts add up to 2 knows both. A cell withheld this way can
 * make another group have exactly one withheld member, so the check repeats until nothing changes;
 * it ends because every round withholds at least one more cell. Afterwards no group has exactly one
 * withheld member, so no withheld count equals a shown total minus shown parts.
 *
 * <p>Limits, by design: a reader can still bound a withheld cell (two withheld cells of one group
 * have a known sum); the check is per group, which protects one-way tables (parts and a total, or
 * columns with their totals) completely, but in a two-way table with both row and column totals a
 * pattern of withheld cells can in rare cases be solved through several groups at once (a withheld
 * cell joining two otherwise separate rectangles of withheld cells); and combining different
 * outputs (differencing) is not prevented. The outputs of this service are one-way tables; see
 * docs/security.md ("Disclosure: threat model").
 *
 * <p>Which audiences get suppressed numbers is decided by {@link Audience}.
 */
public final class SmallNumbers {

  public static final int MAX_SUPPRESSED = 5;

  private SmallNumbers() {}

  /** Primary suppression of one count: null when it is from 1 to 5. */
  public static Integer suppress(long count) {
    return isSmall(count) ? null : Math.toIntExact(count);
  }

  /** The table's counts as this audience may see them: real, or suppressed (primary+secondary). */
  public static Map<String, Integer> forAudience(Audience audience, Table table) {
    return audience.seesRealNumbers() ? table.counts() : suppress(table);
  }

  /**
   * Primary and secondary suppression of a table: its counts by key, in declaration order, with
   * withheld ones null.
   */
  public static Map<String, Integer> suppress(Table table) {
    Set<String> withheld = new HashSet<>();
    table.values.forEach(
        (key, count) -> {
          if (isSmall(count)) {
            withheld.add(key);
          }
        });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Table.Group group : table.groups) {
        if (!derivable(table, group, withheld)) {
          continue;
        }
        String partner = smallestShownNonZeroPart(table, group, withheld);
        withheld.add(partner != null ? partner : group.total());
        changed = true;
      }
    }
    Map<String, Integer> shown = new LinkedHashMap<>();
    table.values.forEach(
        (key, count) -> shown.put(key, withheld.contains(key) ? null : Math.toIntExact(count)));
    return Collections.unmodifiableMap(shown);
  }

  /**
   * Whether a withheld member of the group can be worked out from the shown ones: when it is the
   * only one withheld, or when the total is shown and the withheld parts add up to as many as there
   * are of them (a withheld count is never below 1, so each must be 1).
   */
  private static boolean derivable(Table table, Table.Group group, Set<String> withheld) {
    long withheldMembers = group.members().stream().filter(withheld::contains).count();
    if (withheldMembers == 1) {
      return true;
    }
    if (withheldMembers == 0 || withheld.contains(group.total())) {
      return false;
    }
    long withheldSum =
        group.parts().stream().filter(withheld::contains).mapToLong(table.values::get).sum();
    return withheldSum == withheldMembers;
  }

  private static String smallestShownNonZeroPart(
      Table table, Table.Group group, Set<String> withheld) {
    String best = null;
    for (String part : group.parts()) {
      long count = table.values.get(part);
      if (count > 0
          && !withheld.contains(part)
          && (best == null || count < table.values.get(best))) {
        best = part;
      }
    }
    return best;
  }

  private static boolean isSmall(long count) {
    return count >= 1 && count <= MAX_SUPPRESSED;
  }

  /**
   * Counts shown together in one output, by key, and which of them are totals of which others. A
   * total's value is the sum of its parts (computed here, so it can never disagree with them); a
   * count may be a part of several totals (its row's and its column's) and a total may be a part of
   * another (row totals adding up to the grand total).
   */
  public static final class Table {
    private final Map<String, Long> values = new LinkedHashMap<>();
    private final List<Group> groups = new ArrayList<>();

    /** A total and the counts it adds up; members are the parts and the total. */
    record Group(String total, List<String> parts) {
      List<String> members() {
        List<String> all = new ArrayList<>(parts);
        all.add(total);
        return all;
      }
    }

    /** Adds a count. */
    public Table count(String key, long value) {
      if (value < 0) {
        throw new IllegalArgumentException("a count cannot be negative: " + key + "=" + value);
      }
      if (values.putIfAbsent(key, value) != null) {
        throw new IllegalArgumentException("count " + key + " is already in the table");
      }
      return this;
    }

    /** Adds a total of counts already in the table; its value is their sum. */
    public Table total(String key, List<String> parts) {
      long sum = 0;
      for (String part : parts) {
        Long value = values.get(part);
        if (value == null) {
          throw new IllegalArgumentException("total " + key + " adds up an unknown count " + part);
        }
        sum += value;
      }
      count(key, sum);
      groups.add(new Group(key, List.copyOf(parts)));
      return this;
    }

    /**
     * Declares one more way counts already in the table add up: total is the sum of parts (e.g. a
     * service's children are those also in another service plus those not). Checked, so it can
     * never disagree with the counts; suppressed like any other total and its parts.
     */
    public Table sumOf(String total, List<String> parts) {
      Long value = values.get(total);
      if (value == null) {
        throw new IllegalArgumentException("unknown total " + total);
      }
      long sum = 0;
      for (String part : parts) {
        Long v = values.get(part);
        if (v == null) {
          throw new IllegalArgumentException(
              "total " + total + " adds up an unknown count " + part);
        }
        sum += v;
      }
      if (sum != value) {
        throw new IllegalArgumentException(total + " is " + value + ", not the sum " + sum);
      }
      groups.add(new Group(total, List.copyOf(parts)));
      return this;
    }

    /** The totals with their parts (for checks and tests). */
    List<Group> groups() {
      return List.copyOf(groups);
    }

    /** The real counts, in declaration order. */
    public Map<String, Integer> counts() {
      Map<String, Integer> real = new LinkedHashMap<>();
      values.forEach((key, count) -> real.put(key, Math.toIntExact(count)));
      return Collections.unmodifiableMap(real);
    }
  }
}
