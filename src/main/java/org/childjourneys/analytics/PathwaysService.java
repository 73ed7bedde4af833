package org.childjourneys.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.childjourneys.InvalidInputException;
import org.childjourneys.dataset.ServiceDomains;
import org.childjourneys.dataset.Sources;
import org.childjourneys.disclosure.SmallNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pathways to poor outcomes (docs/measures.md#pathways): the sequences of up to 4 steps
 * (involvement kinds or services, consecutive repeats collapsed) in the 24 months before an index
 * date, with how often the children who had each went on to the outcome, against the population;
 * and the reverse, what followed a given entry pathway. Computed from the journey summaries.
 */
@Service
public class PathwaysService {

  public enum StepBy {
    KIND,
    SERVICE
  }

  static final int WINDOW_MONTHS = 24;
  static final int MAX_STEPS = 4;
  static final int MIN_SUPPORT_FLOOR = 6;
  static final int MAX_FIRST = 100;

  /** The later outcomes pathwayOutcomes reports: involvement kinds, then event kinds. */
  static final List<String> LATER_OUTCOMES =
      List.of(
          "CIN_EPISODE",
          "CP_PLAN",
          "LAC_EPISODE",
          "EARLY_HELP_PLAN",
          "EHC_PLAN",
          "NEET_OR_NOT_KNOWN",
          "YOT_OUT_OF_COURT",
          "YOT_COURT_ORDER",
          "YOT_CUSTODY",
          "HOMELESSNESS_CASE",
          "CAMHS_TREATMENT",
          "PERMANENT_EXCLUSION",
          "SUSPENSION",
          "MISSING_EPISODE",
          "ARREST",
          "SELF_HARM_PRESENTATION");

  public record Pathways(
      String outcome,
      LocalDate from,
      LocalDate to,
      StepBy by,
      int minSupport,
      Integer children,
      Integer withOutcome,
      Double outcomeRate,
      Double outcomeRateLow,
      Double outcomeRateHigh,
      List<Pathway> pathways,
      Sankey sankey) {}

  public record Pathway(
      List<String> steps,
      int support,
      Integer withOutcome,
      Double outcomeRate,
      Double outcomeRateLow,
      Double outcomeRateHigh,
      Double lift,
      Double liftLow,
      Double liftHigh) {}

  public record Sankey(List<SankeyNode> nodes, List<SankeyLink> links) {}

  /** A step at a position (1-4) of the top pathways, or an end node (OUTCOME, NO_OUTCOME). */
  public record SankeyNode(String id, String step, int position) {}

  /** Distinct children of the top pathways passing from source to target; null when 1-5. */
  public record SankeyLink(String source, String target, Integer children) {}

  public record PathwayOutcomes(
      List<String> pathway,
      StepBy by,
      LocalDate from,
      LocalDate to,
      int withinMonths,
      LocalDate asAt,
      Integer children,
      Integer followedUp,
      List<OutcomeShare> outcomes,
      OutcomeShare none) {}

  public record OutcomeShare(
      String outcome, Integer children, Double rate, Double rateLow, Double rateHigh) {}

  private final Journeys journeys;
  private final Sources sources;

  PathwaysService(Journeys journeys, Sources sources) {
    this.journeys = journeys;
    this.sources = sources;
  }

  @Transactional(readOnly = true)
  public Pathways pathways(
      String outcome, LocalDate from, LocalDate to, StepBy by, int minSupport, int first) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "before from (" + from + ")");
    }
    if (minSupport < MIN_SUPPORT_FLOOR) {
      throw new InvalidInputException(
          "minSupport", "at least " + MIN_SUPPORT_FLOOR + " (a smaller count could identify)");
    }
    if (first < 1 || first > MAX_FIRST) {
      throw new InvalidInputException("first", "from 1 to " + MAX_FIRST);
    }
    // Universal registrations are never steps: a child with nothing else is not in the
    // population, so they are left in the database unless one is itself the outcome.
    List<Journeys.Journey> all =
        Journeys.UNIVERSAL_KINDS.contains(outcome)
            ? journeys.begunBy(to)
            : journeys.targetedBegunBy(to);
    Map<String, LocalDate> firstOutcome = firstOutcome(outcome, to, all);
    return compute(all, firstOutcome, outcome, from, to, by, minSupport, first);
  }

  /** Each child's first outcome on or before to: an involvement's start or an event's date. */
  private Map<String, LocalDate> firstOutcome(
      String outcome, LocalDate to, List<Journeys.Journey> all) {
    Map<String, LocalDate> first = new HashMap<>();
    if (Journeys.INVOLVEMENT_KINDS.contains(outcome)) {
      for (Journeys.Journey j : all) {
        j.steps().stream()
            .filter(s -> s.kind().equals(outcome) && !s.start().isAfter(to))
            .map(Journeys.Step::start)
            .min(LocalDate::compareTo)
            .ifPresent(d -> first.put(j.childId(), d));
      }
    } else if (Journeys.OUTCOME_EVENT_KINDS.contains(outcome)) {
      journeys
          .eventDates(List.of(outcome), to)
          .getOrDefault(outcome, Map.of())
          .forEach((child, dates) -> first.put(child, dates.get(0)));
    } else {
      List<String> allowed = new ArrayList<>(Journeys.INVOLVEMENT_KINDS);
      allowed.removeAll(Journeys.UNIVERSAL_KINDS);
      allowed.addAll(Journeys.OUTCOME_EVENT_KINDS);
      throw new InvalidInputException(
          "outcome", "unknown outcome '" + outcome + "'; allowed: " + allowed);
    }
    return first;
  }

  /** One child's part in the analysis: their collapsed window and whether they had the outcome. */
  private record Indexed(List<String> window, boolean outcome) {}

  static Pathways compute(
      List<Journeys.Journey> all,
      Map<String, LocalDate> firstOutcome,
      String outcome,
      LocalDate from,
      LocalDate to,
      StepBy by,
      int minSupport,
      int first) {
    List<Indexed> population = new ArrayList<>();
    for (Journeys.Journey j : all) {
      Indexed ix = index(j, firstOutcome.get(j.childId()), outcome, from, to, by);
      if (ix != null) {
        population.add(ix);
      }
    }
    long n = population.size();
    long o = population.stream().filter(Indexed::outcome).count();
    Map<List<String>, long[]> counts = new HashMap<>();
    for (Indexed ix : population) {
      for (List<String> p : subsequences(ix.window())) {
        long[] c = counts.computeIfAbsent(p, k -> new long[2]);
        c[0]++;
        if (ix.outcome()) {
          c[1]++;
        }
      }
    }
    double populationRate = n == 0 ? 0 : (double) o / n;
    List<Map.Entry<List<String>, long[]>> supported =
        new ArrayList<>(
            counts.entrySet().stream().filter(e -> e.getValue()[0] >= minSupport).toList());
    Comparator<Map.Entry<List<String>, long[]>> byLift =
        Comparator.comparingDouble(e -> -((double) e.getValue()[1] / e.getValue()[0]));
    supported.sort(
        byLift
            .thenComparing(e -> -e.getValue()[0])
            .thenComparing(e -> String.join(">", e.getKey())));
    List<Map.Entry<List<String>, long[]>> top =
        supported.subList(0, Math.min(first, supported.size()));

    List<Pathway> pathways = new ArrayList<>();
    for (Map.Entry<List<String>, long[]> e : top) {
      long s = e.getValue()[0];
      long a = e.getValue()[1];
      Integer shownA = ServiceOverlapService.ofWhole(a, s);
      if (shownA == null || o == 0) {
        JourneyStatistics.Interval w = shownA == null ? null : JourneyStatistics.wilson(a, s);
        pathways.add(
            new Pathway(
                e.getKey(),
                Math.toIntExact(s),
                shownA,
                shownA == null ? null : (double) a / s,
                w == null ? null : w.low(),
                w == null ? null : w.high(),
                null,
                null,
                null));
        continue;
      }
      JourneyStatistics.Interval w = JourneyStatistics.wilson(a, s);
      JourneyStatistics.Interval l = JourneyStatistics.lift(a, s, o, n);
      pathways.add(
          new Pathway(
              e.getKey(),
              Math.toIntExact(s),
              shownA,
              (double) a / s,
              w.low(),
              w.high(),
              ((double) a / s) / populationRate,
              l == null ? null : l.low(),
              l == null ? null : l.high()));
    }
    Integer shownN = SmallNumbers.suppress(n);
    Integer shownO = shownN == null ? null : ServiceOverlapService.ofWhole(o, n);
    JourneyStatistics.Interval pw =
        shownO == null || n == 0 ? null : JourneyStatistics.wilson(o, n);
    return new Pathways(
        outcome,
        from,
        to,
        by,
        minSupport,
        shownN,
        shownO,
        pw == null ? null : populationRate,
        pw == null ? null : pw.low(),
        pw == null ? null : pw.high(),
        pathways,
        sankey(population, top.stream().map(Map.Entry::getKey).toList()));
  }

  /**
   * The child's index date and window, or null when they are not in the population: the outcome
   * before from; no time at risk in the period; no step in the window.
   */
  private static Indexed index(
      Journeys.Journey j,
      LocalDate outcomeDate,
      String outcome,
      LocalDate from,
      LocalDate to,
      StepBy by) {
    List<Journeys.Step> steps =
        j.steps().stream().filter(s -> !Journeys.UNIVERSAL_KINDS.contains(s.kind())).toList();
    if (steps.isEmpty() || (outcomeDate != null && outcomeDate.isBefore(from))) {
      return null;
    }
    boolean withOutcome = outcomeDate != null && !outcomeDate.isAfter(to);
    LocalDate index;
    if (withOutcome) {
      index = outcomeDate;
    } else {
      LocalDate firstStep = steps.get(0).start();
      LocalDate atRiskFrom = firstStep.plusDays(1).isAfter(from) ? firstStep.plusDays(1) : from;
      if (atRiskFrom.isAfter(to)) {
        return null;
      }
      long days = ChronoUnit.DAYS.between(atRiskFrom, to) + 1;
      index = atRiskFrom.plusDays(Math.floorMod(seed(j.childId(), outcome, from, to), days));
    }
    LocalDate windowStart = index.minusMonths(WINDOW_MONTHS);
    List<String> window =
        collapse(
            steps.stream()
                .filter(s -> !s.start().isBefore(windowStart) && s.start().isBefore(index))
                .toList(),
            by);
    return window.isEmpty() ? null : new Indexed(window, withOutcome);
  }

  /** The reproducible draw of a child's index date: SHA-256 of child, outcome and period. */
  static long seed(String childId, String outcome, LocalDate from, LocalDate to) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (childId + "|" + outcome + "|" + from + "|" + to)
                      .getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return v;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Steps' labels in order, consecutive repeats collapsed into one. */
  static List<String> collapse(List<Journeys.Step> steps, StepBy by) {
    List<String> labels = new ArrayList<>();
    for (Journeys.Step s : steps) {
      String label = by == StepBy.SERVICE ? s.service() : s.kind();
      if (labels.isEmpty() || !labels.get(labels.size() - 1).equals(label)) {
        labels.add(label);
      }
    }
    return labels;
  }

  /** Every distinct contiguous run of 1 to 4 steps. */
  static Set<List<String>> subsequences(List<String> window) {
    Set<List<String>> runs = new LinkedHashSet<>();
    for (int i = 0; i < window.size(); i++) {
      for (int len = 1; len <= MAX_STEPS && i + len <= window.size(); len++) {
        runs.add(List.copyOf(window.subList(i, i + len)));
      }
    }
    return runs;
  }

  private static Sankey sankey(List<Indexed> population, List<List<String>> top) {
    Map<String, SankeyNode> nodes = new LinkedHashMap<>();
    Map<String, Set<Integer>> links = new LinkedHashMap<>();
    Set<List<String>> topSet = new LinkedHashSet<>(top);
    int endPosition = top.stream().mapToInt(List::size).max().orElse(0) + 1;
    for (List<String> p : top) {
      for (int i = 0; i < p.size(); i++) {
        String id = (i + 1) + ":" + p.get(i);
        nodes.putIfAbsent(id, new SankeyNode(id, p.get(i), i + 1));
      }
    }
    if (!top.isEmpty()) {
      nodes.put("OUTCOME", new SankeyNode("OUTCOME", "OUTCOME", endPosition));
      nodes.put("NO_OUTCOME", new SankeyNode("NO_OUTCOME", "NO_OUTCOME", endPosition));
    }
    for (int child = 0; child < population.size(); child++) {
      Indexed ix = population.get(child);
      for (List<String> p : subsequences(ix.window())) {
        if (!topSet.contains(p)) {
          continue;
        }
        for (int i = 0; i + 1 < p.size(); i++) {
          links
              .computeIfAbsent(
                  (i + 1) + ":" + p.get(i) + "|" + (i + 2) + ":" + p.get(i + 1),
                  k -> new TreeSet<>())
              .add(child);
        }
        links
            .computeIfAbsent(
                p.size()
                    + ":"
                    + p.get(p.size() - 1)
                    + "|"
                    + (ix.outcome() ? "OUTCOME" : "NO_OUTCOME"),
                k -> new TreeSet<>())
            .add(child);
      }
    }
    List<SankeyLink> shown = new ArrayList<>();
    links.forEach(
        (key, children) -> {
          String[] ends = key.split("\\|");
          Integer value;
          if (ends[1].equals("OUTCOME") || ends[1].equals("NO_OUTCOME")) {
            // A step's two end links are suppressed together: with the children reaching the step
            // shown, one would give the other away.
            String other = ends[1].equals("OUTCOME") ? "NO_OUTCOME" : "OUTCOME";
            Set<Integer> rest = links.getOrDefault(ends[0] + "|" + other, Set.of());
            value = ServiceOverlapService.ofWhole(children.size(), children.size() + rest.size());
          } else {
            value = SmallNumbers.suppress(children.size());
          }
          shown.add(new SankeyLink(ends[0], ends[1], value));
        });
    shown.sort(Comparator.comparing(SankeyLink::source).thenComparing(SankeyLink::target));
    return new Sankey(List.copyOf(nodes.values()), shown);
  }

  @Transactional(readOnly = true)
  public PathwayOutcomes pathwayOutcomes(
      List<String> pathway, StepBy by, LocalDate from, LocalDate to, int withinMonths) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "before from (" + from + ")");
    }
    if (withinMonths < 1 || withinMonths > 60) {
      throw new InvalidInputException("withinMonths", "from 1 to 60");
    }
    validate(pathway, by);
    Sources.Catalogue catalogue = sources.catalogue();
    LocalDate asAt =
        catalogue.sources().stream()
            .map(Sources.Source::coveredTo)
            .filter(Objects::nonNull)
            .min(LocalDate::compareTo)
            .orElse(catalogue.referenceDate());
    // Entry and the later outcomes are never universal registrations (not steps, not outcomes).
    List<Journeys.Journey> all = journeys.targetedBegunBy(to);
    List<String> eventKinds =
        LATER_OUTCOMES.stream().filter(Journeys.OUTCOME_EVENT_KINDS::contains).toList();
    Map<String, Map<String, List<LocalDate>>> events =
        journeys.eventDates(eventKinds, to.plusMonths(withinMonths));
    return outcomes(all, events, pathway, by, from, to, withinMonths, asAt);
  }

  static PathwayOutcomes outcomes(
      List<Journeys.Journey> all,
      Map<String, Map<String, List<LocalDate>>> events,
      List<String> pathway,
      StepBy by,
      LocalDate from,
      LocalDate to,
      int withinMonths,
      LocalDate asAt) {
    long children = 0;
    long followedUp = 0;
    long[] had = new long[LATER_OUTCOMES.size()];
    long none = 0;
    for (Journeys.Journey j : all) {
      LocalDate index = entry(j, pathway, by, from, to);
      if (index == null) {
        continue;
      }
      children++;
      LocalDate until = index.plusMonths(withinMonths);
      if (until.isAfter(asAt)) {
        continue;
      }
      followedUp++;
      boolean any = false;
      for (int k = 0; k < LATER_OUTCOMES.size(); k++) {
        String outcome = LATER_OUTCOMES.get(k);
        boolean found;
        if (Journeys.INVOLVEMENT_KINDS.contains(outcome)) {
          found =
              j.steps().stream()
                  .anyMatch(
                      s ->
                          s.kind().equals(outcome)
                              && s.start().isAfter(index)
                              && !s.start().isAfter(until));
        } else {
          found =
              events.getOrDefault(outcome, Map.of()).getOrDefault(j.childId(), List.of()).stream()
                  .anyMatch(d -> d.isAfter(index) && !d.isAfter(until));
        }
        if (found) {
          had[k]++;
          any = true;
        }
      }
      if (!any) {
        none++;
      }
    }
    Integer shownChildren = SmallNumbers.suppress(children);
    Integer shownFollowed =
        shownChildren == null ? null : ServiceOverlapService.ofWhole(followedUp, children);
    List<OutcomeShare> shares = new ArrayList<>();
    for (int k = 0; k < LATER_OUTCOMES.size(); k++) {
      shares.add(share(LATER_OUTCOMES.get(k), had[k], followedUp, shownFollowed != null));
    }
    return new PathwayOutcomes(
        List.copyOf(pathway),
        by,
        from,
        to,
        withinMonths,
        asAt,
        shownChildren,
        shownFollowed,
        shares,
        share("NONE", none, followedUp, shownFollowed != null));
  }

  private static OutcomeShare share(String outcome, long k, long n, boolean denominatorShown) {
    Integer shown = denominatorShown && n > 0 ? ServiceOverlapService.ofWhole(k, n) : null;
    if (shown == null) {
      return new OutcomeShare(outcome, null, null, null, null);
    }
    JourneyStatistics.Interval w = JourneyStatistics.wilson(k, n);
    return new OutcomeShare(outcome, shown, (double) k / n, w.low(), w.high());
  }

  /**
   * The start of the pathway's last step at its first occurrence in the child's whole collapsed
   * journey whose last step started from..to; null when there is none.
   */
  static LocalDate entry(
      Journeys.Journey j, List<String> pathway, StepBy by, LocalDate from, LocalDate to) {
    List<Journeys.Step> steps =
        j.steps().stream().filter(s -> !Journeys.UNIVERSAL_KINDS.contains(s.kind())).toList();
    List<String> labels = new ArrayList<>();
    List<LocalDate> starts = new ArrayList<>();
    for (Journeys.Step s : steps) {
      String label = by == StepBy.SERVICE ? s.service() : s.kind();
      if (labels.isEmpty() || !labels.get(labels.size() - 1).equals(label)) {
        labels.add(label);
        starts.add(s.start());
      }
    }
    for (int i = 0; i + pathway.size() <= labels.size(); i++) {
      if (labels.subList(i, i + pathway.size()).equals(pathway)) {
        LocalDate last = starts.get(i + pathway.size() - 1);
        if (!last.isBefore(from) && !last.isAfter(to)) {
          return last;
        }
      }
    }
    return null;
  }

  private static void validate(List<String> pathway, StepBy by) {
    if (pathway == null || pathway.isEmpty() || pathway.size() > MAX_STEPS) {
      throw new InvalidInputException("pathway", "1 to " + MAX_STEPS + " steps");
    }
    List<String> allowed =
        by == StepBy.SERVICE
            ? ServiceDomains.CODES
            : Journeys.INVOLVEMENT_KINDS.stream()
                .filter(k -> !Journeys.UNIVERSAL_KINDS.contains(k))
                .toList();
    for (int i = 0; i < pathway.size(); i++) {
      if (!allowed.contains(pathway.get(i))) {
        throw new InvalidInputException(
            "pathway", "unknown step '" + pathway.get(i) + "'; allowed: " + allowed);
      }
      if (i > 0 && pathway.get(i).equals(pathway.get(i - 1))) {
        throw new InvalidInputException(
            "pathway", "a step repeated in a row is one step (repeats are collapsed)");
      }
    }
  }
}
