package org.childjourneys.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.childjourneys.InvalidInputException;
import org.childjourneys.dataset.ServiceDomains;
import org.childjourneys.disclosure.SmallNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overlap between services (docs/measures.md#overlap): for a cohort, how many children each service
 * had, each pair of services shared (with Jaccard), each exact combination of services (UpSet),
 * and, relative to one service X, the share of X's children also known to each other service
 * before, during and after X. Computed from the journey summaries; counts of 1-5 and counts that
 * would reveal one are withheld (one table, secondary suppression across singles, pairs,
 * combinations and the total).
 */
@Service
public class ServiceOverlapService {

  public record Overlap(
      LocalDate from,
      LocalDate to,
      String cohortId,
      Integer children,
      List<ServiceCount> services,
      List<ServicePair> pairs,
      List<Combination> combinations,
      Timing relativeTo) {}

  public record ServiceCount(String service, Integer children) {}

  public record ServicePair(String a, String b, Integer both, Double jaccard) {}

  public record Combination(List<String> services, Integer children) {}

  /**
   * Of X's children (children), how many were known to each other service before, during, after.
   */
  public record Timing(String service, Integer children, Integer ended, List<Share> others) {}

  public record Share(
      String service,
      Integer before,
      Double beforeShare,
      Integer during,
      Double duringShare,
      Integer after,
      Double afterShare) {}

  /** A saved cohort as a report's method note describes it (its size is the suppressed count). */
  public record SavedCohort(String id, String name, String definition, LocalDate referenceDate) {}

  private final Journeys journeys;

  ServiceOverlapService(Journeys journeys) {
    this.journeys = journeys;
  }

  @Transactional(readOnly = true)
  public Overlap overlap(
      LocalDate from, LocalDate to, List<String> services, String cohortId, String relativeTo) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "before from (" + from + ")");
    }
    List<String> chosen = services(services);
    if (relativeTo != null && !chosen.contains(relativeTo)) {
      throw new InvalidInputException(
          "relativeTo", "'" + relativeTo + "' is not one of the services: " + chosen);
    }
    if (cohortId == null && relativeTo == null) {
      // Only the combinations are needed: counted in the database, so 100k journeys need not be
      // read (the same cohort and combinations as compute's; docs/benchmarks.md, issue 8).
      Map<Integer, Long> byCombination = new TreeMap<>();
      journeys
          .activeCombinations(from, to, chosen)
          .forEach((services1, n) -> byCombination.merge(bits(services1, chosen), n, Long::sum));
      return tabulate(from, to, chosen, null, null, byCombination, List.of());
    }
    List<Journeys.Journey> cohort;
    if (cohortId == null) {
      cohort =
          journeys.begunBy(to).stream()
              .filter(j -> j.steps().stream().anyMatch(s -> s.activeIn(from, to)))
              .toList();
    } else {
      List<String> members =
          journeys
              .cohortMembers(cohortId)
              .orElseThrow(
                  () ->
                      new InvalidInputException("cohortId", "no saved cohort '" + cohortId + "'"));
      // Members without any involvement have no summary: they are in the cohort with no service.
      List<Journeys.Journey> found = new ArrayList<>(journeys.of(members));
      Set<String> withJourney = new java.util.HashSet<>();
      found.forEach(j -> withJourney.add(j.childId()));
      for (String id : new LinkedHashSet<>(members)) {
        if (!withJourney.contains(id)) {
          found.add(new Journeys.Journey(id, List.of()));
        }
      }
      cohort = found;
    }
    return compute(from, to, chosen, cohortId, relativeTo, cohort);
  }

  /** What the saved cohort is (for a report's method note); empty when there is no such cohort. */
  @Transactional(readOnly = true)
  public java.util.Optional<SavedCohort> savedCohort(String cohortId) {
    return journeys.cohortDescription(cohortId);
  }

  static Overlap compute(
      LocalDate from,
      LocalDate to,
      List<String> chosen,
      String cohortId,
      String relativeTo,
      List<Journeys.Journey> cohort) {
    // Each child's combination: the chosen services with an involvement active in the period, as
    // a bit set in the order of chosen.
    Map<Integer, Long> byCombination = new TreeMap<>();
    for (Journeys.Journey j : cohort) {
      byCombination.merge(combination(j, from, to, chosen), 1L, Long::sum);
    }
    return tabulate(from, to, chosen, cohortId, relativeTo, byCombination, cohort);
  }

  /** The suppressed table of the combinations' counts (cohort is needed only with relativeTo). */
  private static Overlap tabulate(
      LocalDate from,
      LocalDate to,
      List<String> chosen,
      String cohortId,
      String relativeTo,
      Map<Integer, Long> byCombination,
      List<Journeys.Journey> cohort) {
    SmallNumbers.Table table = new SmallNumbers.Table();
    List<String> comboKeys = new ArrayList<>();
    byCombination.forEach(
        (bits, n) -> {
          String key = "c:" + bits;
          table.count(key, n);
          comboKeys.add(key);
        });
    table.total("children", comboKeys);
    int k = chosen.size();
    for (int a = 0; a < k; a++) {
      int bit = 1 << a;
      table.total("s:" + a, keys(byCombination, bits -> (bits & bit) != 0));
    }
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        int ab = (1 << a) | (1 << b);
        table.total("p:" + a + ":" + b, keys(byCombination, bits -> (bits & ab) == ab));
      }
    }
    // A service's children are those also in another service plus those not: declared, so a
    // withheld "a but not b" cannot be worked out as single minus pair.
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        if (a == b) {
          continue;
        }
        int bitA = 1 << a;
        int bitB = 1 << b;
        String pair = "p:" + Math.min(a, b) + ":" + Math.max(a, b);
        String only = "o:" + a + ":" + b;
        table.total(only, keys(byCombination, bits -> (bits & bitA) != 0 && (bits & bitB) == 0));
        table.sumOf("s:" + a, List.of(pair, only));
      }
    }
    Map<String, Integer> shown = SmallNumbers.suppress(table);

    List<ServiceCount> singles = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      singles.add(new ServiceCount(chosen.get(a), shown.get("s:" + a)));
    }
    List<ServicePair> pairs = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        Integer both = shown.get("p:" + a + ":" + b);
        Integer na = shown.get("s:" + a);
        Integer nb = shown.get("s:" + b);
        Double jaccard = null;
        if (both != null && na != null && nb != null) {
          int union = na + nb - both;
          jaccard = union == 0 ? null : (double) both / union;
        }
        pairs.add(new ServicePair(chosen.get(a), chosen.get(b), both, jaccard));
      }
    }
    List<Combination> combinations = new ArrayList<>();
    byCombination.forEach(
        (bits, n) -> {
          List<String> names = new ArrayList<>();
          for (int a = 0; a < k; a++) {
            if ((bits & (1 << a)) != 0) {
              names.add(chosen.get(a));
            }
          }
          combinations.add(new Combination(List.copyOf(names), shown.get("c:" + bits)));
        });
    // Largest first; withheld ones last.
    combinations.sort(
        Comparator.comparing((Combination c) -> c.children() == null ? 1 : 0)
            .thenComparing(c -> c.children() == null ? 0 : -c.children())
            .thenComparing(c -> c.services().size())
            .thenComparing(c -> String.join("+", c.services())));
    Timing timing =
        relativeTo == null
            ? null
            : timing(
                from, to, chosen, relativeTo, cohort, shown.get("s:" + chosen.indexOf(relativeTo)));
    return new Overlap(
        from, to, cohortId, shown.get("children"), singles, pairs, combinations, timing);
  }

  /**
   * Of the children of X in the period: X began at the start of their first X involvement active in
   * the period and ended at the end of their last (not ended while one is open). Known to Y before:
   * a Y involvement started before X began. During: a Y involvement overlapped one of those X
   * involvements (open ends count as ongoing). After: a Y involvement started after X ended (of the
   * children whose X had ended).
   */
  private static Timing timing(
      LocalDate from,
      LocalDate to,
      List<String> chosen,
      String x,
      List<Journeys.Journey> cohort,
      Integer xChildrenShown) {
    long children = 0;
    long ended = 0;
    Map<String, long[]> counts = new java.util.LinkedHashMap<>();
    for (String y : chosen) {
      if (!y.equals(x)) {
        counts.put(y, new long[3]);
      }
    }
    for (Journeys.Journey j : cohort) {
      List<Journeys.Step> xs =
          j.steps().stream().filter(s -> s.service().equals(x) && s.activeIn(from, to)).toList();
      if (xs.isEmpty()) {
        continue;
      }
      children++;
      LocalDate began = xs.stream().map(Journeys.Step::start).min(LocalDate::compareTo).get();
      boolean open = xs.stream().anyMatch(s -> s.end() == null);
      LocalDate end =
          open ? null : xs.stream().map(Journeys.Step::end).max(LocalDate::compareTo).get();
      if (!open) {
        ended++;
      }
      for (Map.Entry<String, long[]> e : counts.entrySet()) {
        List<Journeys.Step> ys =
            j.steps().stream().filter(s -> s.service().equals(e.getKey())).toList();
        boolean before = ys.stream().anyMatch(y -> y.start().isBefore(began));
        boolean during =
            ys.stream()
                .anyMatch(
                    y ->
                        xs.stream()
                            .anyMatch(
                                xi ->
                                    !y.start().isAfter(xi.end() == null ? Journeys.OPEN : xi.end())
                                        && (y.end() == null || !y.end().isBefore(xi.start()))));
        boolean after = end != null && ys.stream().anyMatch(y -> y.start().isAfter(end));
        e.getValue()[0] += before ? 1 : 0;
        e.getValue()[1] += during ? 1 : 0;
        e.getValue()[2] += after ? 1 : 0;
      }
    }
    if (xChildrenShown == null) {
      // X's own count is withheld: every figure about its children would give it away.
      List<Share> none = new ArrayList<>();
      counts.keySet().forEach(y -> none.add(new Share(y, null, null, null, null, null, null)));
      return new Timing(x, null, null, none);
    }
    Integer endedShown = ofWhole(ended, children);
    List<Share> shares = new ArrayList<>();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long[] c = e.getValue();
      Integer before = ofWhole(c[0], children);
      Integer during = ofWhole(c[1], children);
      Integer after = endedShown == null ? null : ofWhole(c[2], ended);
      shares.add(
          new Share(
              e.getKey(),
              before,
              share(before, children),
              during,
              share(during, children),
              after,
              share(after, ended)));
    }
    return new Timing(x, xChildrenShown, endedShown, shares);
  }

  /** A part of a shown whole: withheld when it or the rest of the whole is 1-5. */
  static Integer ofWhole(long part, long whole) {
    return SmallNumbers.suppress(
            new SmallNumbers.Table()
                .count("part", part)
                .count("rest", whole - part)
                .total("whole", List.of("part", "rest")))
        .get("part");
  }

  private static Double share(Integer count, long whole) {
    return count == null || whole == 0 ? null : (double) count / whole;
  }

  /** The bit set, in the order of chosen, of these services. */
  private static int bits(List<String> services, List<String> chosen) {
    int bits = 0;
    for (String s : services) {
      int i = chosen.indexOf(s);
      if (i >= 0) {
        bits |= 1 << i;
      }
    }
    return bits;
  }

  private static int combination(
      Journeys.Journey j, LocalDate from, LocalDate to, List<String> chosen) {
    int bits = 0;
    for (Journeys.Step s : j.steps()) {
      int i = chosen.indexOf(s.service());
      if (i >= 0 && s.activeIn(from, to)) {
        bits |= 1 << i;
      }
    }
    return bits;
  }

  private static List<String> keys(
      Map<Integer, Long> byCombination, java.util.function.IntPredicate which) {
    List<String> keys = new ArrayList<>();
    byCombination
        .keySet()
        .forEach(
            bits -> {
              if (which.test(bits)) {
                keys.add("c:" + bits);
              }
            });
    return keys;
  }

  private static List<String> services(List<String> services) {
    if (services == null || services.isEmpty()) {
      return ServiceDomains.CODES;
    }
    List<String> chosen = new ArrayList<>();
    for (String s : services) {
      if (!ServiceDomains.CODES.contains(s)) {
        throw new InvalidInputException(
            "services", "unknown service '" + s + "'; allowed: " + ServiceDomains.CODES);
      }
      if (!chosen.contains(s)) {
        chosen.add(s);
      }
    }
    if (chosen.size() < 2) {
      throw new InvalidInputException("services", "name at least two services, or none for all");
    }
    return List.copyOf(chosen);
  }
}
