package org.childjourneys.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.childjourneys.dataset.Sources;
import org.childjourneys.disclosure.Audience;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.Actor;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * What followed a set of starting points (contacts, closures) within windows of months: for each
 * window, how many were followed up for the whole window and how many of those went on to each
 * outcome; and how those counts are shown (small numbers and their complements withheld).
 */
final class FollowUp {

  /** One window as shown: null counts are withheld. */
  record Window(int months, Integer followedUp, Map<String, Integer> outcomes) {}

  /** Counts before suppression: the starting points, and per window followed up and outcomes. */
  static final class Tally {
    long items;
    final long[][] windows;

    private Tally(int windows, int outcomes) {
      this.windows = new long[windows][outcomes + 1];
    }
  }

  private final int[] windows;
  private final List<String> outcomes;

  FollowUp(int[] windows, List<String> outcomes) {
    this.windows = windows.clone();
    this.outcomes = List.copyOf(outcomes);
  }

  /**
   * The date up to which the data is complete: the earliest coverage end of the sources serving
   * {@code service}, or of every source when it is null.
   */
  static LocalDate completeUpTo(Sources.Catalogue catalogue, String service) {
    return (service == null ? catalogue.sources() : catalogue.forService(service))
        .stream()
            .map(Sources.Source::coveredTo)
            .filter(Objects::nonNull)
            .min(LocalDate::compareTo)
            .orElse(catalogue.referenceDate());
  }

  /**
   * The names a manager's own team goes by on facts (its id and its name), so that rows of their
   * own team are shown with real numbers (docs/security.md, Audience); empty for anyone else.
   */
  static java.util.Set<String> ownTeam(Actor actor, Neo4jClient neo4j) {
    if (actor.team() == null || !Audience.ofTeam(actor, actor.team()).seesRealNumbers()) {
      return java.util.Set.of();
    }
    return neo4j
        .query(CypherFile.load("queries/measures/team-names"))
        .bind(actor.team())
        .to("teamId")
        .fetchAs(java.util.Set.class)
        .mappedBy(
            (types, r) ->
                new java.util.HashSet<>(r.get("names").asList(v -> v.isNull() ? "" : v.asString())))
        .one()
        .map(names -> (java.util.Set<String>) names)
        .orElse(java.util.Set.of(actor.team()));
  }

  Tally tally() {
    return new Tally(windows.length, outcomes.size());
  }

  /**
   * Adds one row of a follow-up query: its {@code months}, {@code followedUp}, one column per
   * outcome, and the starting points counted once (in the first window's row) from {@code items}.
   */
  void add(Tally t, Map<String, Object> row, String items) {
    int w = Arrays.binarySearch(windows, ((Number) row.get("months")).intValue());
    if (w == 0) {
      t.items += (Long) row.get(items);
    }
    long[] c = t.windows[w];
    c[0] += (Long) row.get("followedUp");
    for (int o = 0; o < outcomes.size(); o++) {
      c[o + 1] += (Long) row.get(outcomes.get(o));
    }
  }

  /** The windows as shown: real counts for an audience that sees them, else suppressed. */
  List<Window> shown(Tally t, boolean realNumbers) {
    List<Window> shown = new ArrayList<>();
    for (int w = 0; w < windows.length; w++) {
      long[] c = t.windows[w];
      Integer followedUp = realNumbers ? (Integer) (int) c[0] : SmallNumbers.suppress(c[0]);
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (int o = 0; o < outcomes.size(); o++) {
        counts.put(
            outcomes.get(o),
            realNumbers
                ? (Integer) (int) c[o + 1]
                : followedUp == null ? null : Shown.pair(c[o + 1], c[0])[0]);
      }
      shown.add(new Window(windows[w], followedUp, counts));
    }
    return shown;
  }
}
