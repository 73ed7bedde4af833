package org.childjourneys.measures;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.AggregateScope;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placement moves, time to first move and placement durations for a year ending 31 March, broken
 * down by the child's needs profile (age band when care started, category of need, UASC) and by
 * placement type and provider (docs/measures.md#placement-moves-and-durations). Time to first move
 * and durations are Kaplan-Meier estimates over the periods of care and placements that started in
 * the three years to the year's end, censored at its last day.
 */
@Service
public class PlacementStabilityService {

  public enum Dimension {
    AGE_BAND,
    CATEGORY_OF_NEED,
    UASC,
    PLACEMENT_TYPE,
    PROVIDER
  }

  static final int[] FIRST_MOVE_MONTHS = {3, 6, 12, 24};
  static final int[] DURATION_MONTHS = {1, 3, 6, 12, 24};

  public record PlacementStability(
      LocalDate from, LocalDate to, LocalDate startedSince, List<StabilityRow> rows) {}

  /** One group; a dimension not grouped by is null. */
  public record StabilityRow(
      String ageBand,
      String categoryOfNeed,
      String uasc,
      String placementType,
      String provider,
      Integer children,
      Integer placements,
      Integer moves,
      Double movesPerChild,
      Survival firstMove,
      Survival duration) {}

  /** A Kaplan-Meier estimate as shown: null figures are withheld or not estimable. */
  public record Survival(Integer started, Integer ended, Integer medianDays, List<Point> curve) {}

  public record Point(int months, Double share) {}

  record Placement(LocalDate start, LocalDate end, String type, String provider) {}

  record CarePeriod(
      String childId,
      LocalDate birthDate,
      boolean uasc,
      LocalDate start,
      LocalDate end,
      String categoryOfNeed,
      List<Placement> placements) {}

  /** The counts of one group before suppression. */
  static final class Tally {
    final Set<String> children = new HashSet<>();
    int placements;
    int moves;
    final KaplanMeier firstMove = new KaplanMeier();
    final KaplanMeier duration = new KaplanMeier();
  }

  private final Neo4jClient neo4j;
  private final AggregateScope scope;

  PlacementStabilityService(Neo4jClient neo4j, AggregateScope scope) {
    this.scope = scope;
    this.neo4j = neo4j;
  }

  @Transactional(readOnly = true)
  public PlacementStability placementStability(int year, Set<Dimension> by) {
    LocalDate[] period = MeasuresService.yearEnding(year);
    LocalDate since = period[0].minusYears(2);
    Map<List<String>, Tally> tallies = tallies(period[0], period[1], since, by);
    List<StabilityRow> rows = new ArrayList<>();
    tallies.forEach((key, t) -> rows.add(shown(key, t)));
    return new PlacementStability(period[0], period[1], since, rows);
  }

  /** The groups' counts, unsuppressed (for tests); keys in {@link Dimension} order. */
  @Transactional(readOnly = true)
  Map<List<String>, Tally> tallies(
      LocalDate from, LocalDate to, LocalDate since, Set<Dimension> by) {
    Map<List<String>, Tally> tallies = new TreeMap<>(PlacementStabilityService::compareKeys);
    for (CarePeriod p : periods(since, to)) {
      String[] child = {
        ageBand(p.birthDate(), p.start()), p.categoryOfNeed(), p.uasc() ? "UASC" : "NOT_UASC"
      };
      List<Placement> pl = p.placements();
      for (int i = 0; i < pl.size(); i++) {
        Placement placement = pl.get(i);
        LocalDate end = end(p, i);
        List<String> own = key(by, child, placement);
        if (!placement.start().isAfter(to) && (end == null || !end.isBefore(from))) {
          Tally t = tallies.computeIfAbsent(own, k -> new Tally());
          t.children.add(p.childId());
          t.placements++;
        }
        if (i > 0 && !placement.start().isBefore(from) && !placement.start().isAfter(to)) {
          // A move is told against the placement the child moved from.
          tallies.computeIfAbsent(key(by, child, pl.get(i - 1)), k -> new Tally()).moves++;
        }
        if (!placement.start().isBefore(since)) {
          boolean ended = end != null && !end.isAfter(to);
          tallies
              .computeIfAbsent(own, k -> new Tally())
              .duration
              .add(days(placement.start(), ended ? end : to), ended);
        }
      }
      if (!p.start().isBefore(since) && !pl.isEmpty()) {
        boolean moved = pl.size() > 1;
        LocalDate until = moved ? pl.get(1).start() : p.end();
        boolean ended = until != null && !until.isAfter(to);
        tallies
            .computeIfAbsent(key(by, child, pl.get(0)), k -> new Tally())
            .firstMove
            .add(days(p.start(), ended ? until : to), moved && ended);
      }
    }
    return tallies;
  }

  private List<CarePeriod> periods(LocalDate since, LocalDate to) {
    return new ArrayList<>(
        neo4j
            .query(CypherFile.load("queries/measures/placements"))
            .bindAll(scope.with(Map.of("since", since, "to", to)))
            .fetchAs(CarePeriod.class)
            .mappedBy(
                (types, r) ->
                    new CarePeriod(
                        r.get("childId").asString(),
                        r.get("birthDate").isNull() ? null : r.get("birthDate").asLocalDate(),
                        r.get("uasc").asBoolean(false),
                        r.get("start").asLocalDate(),
                        r.get("end").isNull() ? null : r.get("end").asLocalDate(),
                        r.get("categoryOfNeed").isNull()
                            ? null
                            : r.get("categoryOfNeed").asString(),
                        r.get("placements").asList(PlacementStabilityService::placement)))
            .all());
  }

  private static Placement placement(Value v) {
    return new Placement(
        v.get("start").asLocalDate(),
        v.get("end").isNull() ? null : v.get("end").asLocalDate(),
        v.get("type").isNull() ? null : v.get("type").asString(),
        v.get("provider").isNull() ? null : v.get("provider").asString());
  }

  /** A placement ends when it says, else when the next one starts, else when care ends. */
  private static LocalDate end(CarePeriod p, int i) {
    Placement placement = p.placements().get(i);
    if (placement.end() != null) {
      return placement.end();
    }
    return i + 1 < p.placements().size() ? p.placements().get(i + 1).start() : p.end();
  }

  private static List<String> key(Set<Dimension> by, String[] child, Placement placement) {
    String[] values = {child[0], child[1], child[2], placement.type(), placement.provider()};
    String[] key = new String[values.length];
    for (Dimension d : by) {
      key[d.ordinal()] = values[d.ordinal()] == null ? "NOT_RECORDED" : values[d.ordinal()];
    }
    return Arrays.asList(key);
  }

  /** DfE's age bands, by age when the period of care started. */
  static String ageBand(LocalDate birthDate, LocalDate on) {
    if (birthDate == null) {
      return "NOT_RECORDED";
    }
    int age = Period.between(birthDate, on).getYears();
    return age < 1
        ? "UNDER_1"
        : age < 5 ? "1_TO_4" : age < 10 ? "5_TO_9" : age < 16 ? "10_TO_15" : "16_AND_OVER";
  }

  private static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to);
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c =
          a.get(i) == null
              ? (b.get(i) == null ? 0 : -1)
              : b.get(i) == null ? 1 : a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static StabilityRow shown(List<String> key, Tally t) {
    Integer children = SmallNumbers.suppress(t.children.size());
    Integer moves = SmallNumbers.suppress(t.moves);
    return new StabilityRow(
        key.get(0),
        key.get(1),
        key.get(2),
        key.get(3),
        key.get(4),
        children,
        SmallNumbers.suppress(t.placements),
        moves,
        children == null || moves == null || children == 0 ? null : (double) moves / children,
        survival(t.firstMove, FIRST_MOVE_MONTHS),
        survival(t.duration, DURATION_MONTHS));
  }

  /** An estimate on 1-5 follow-ups, or on 1-5 events, is withheld with them. */
  private static Survival survival(KaplanMeier km, int[] months) {
    Integer started = SmallNumbers.suppress(km.size());
    Integer ended = SmallNumbers.suppress(km.events());
    boolean shown = started != null && ended != null;
    List<Point> curve = new ArrayList<>();
    for (int m : months) {
      curve.add(new Point(m, shown ? km.survival(DAYS_IN[m]) : null));
    }
    Long median = shown ? km.medianDays() : null;
    return new Survival(started, ended, median == null ? null : median.intValue(), curve);
  }

  /** Months as days for the curve: a month is 365/12 days, rounded. */
  private static final long[] DAYS_IN = new long[25];

  static {
    for (int m = 0; m <= 24; m++) {
      DAYS_IN[m] = Math.round(m * 365.0 / 12);
    }
  }

  static EnumSet<Dimension> dimensions(List<Dimension> by) {
    return by == null || by.isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(by);
  }
}
