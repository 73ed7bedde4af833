package org.childjourneys.measures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourneys.InvalidInputException;
import org.childjourneys.dataset.Sources;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.neo4j.CypherFile;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Front-door decision feedback: what followed for the children of the contacts decided in a period,
 * within 3, 6 and 12 months, by decision, team and/or month (docs/measures.md). Only contacts whose
 * whole window lies within the social care data count for that window (n is shown as {@code
 * followedUp}); small numbers are withheld.
 */
@Service
public class FrontDoorFeedbackService {

  public enum Dimension {
    DECISION,
    TEAM,
    MONTH
  }

  static final int[] WINDOWS = {3, 6, 12};

  public record Feedback(LocalDate from, LocalDate to, LocalDate asAt, List<Row> rows) {}

  public record Row(
      String decision, String team, String month, Integer contacts, List<Window> windows) {}

  /** One follow-up window: of the contacts followed up, how many led to each outcome. */
  public record Window(
      int months,
      Integer followedUp,
      Integer reContacted,
      Integer referred,
      Integer childProtectionPlan,
      Integer care) {}

  /** Counts before suppression: contacts, then per window followed up and the four outcomes. */
  static final class Tally {
    long contacts;
    final long[][] windows = new long[WINDOWS.length][5];
  }

  private final Neo4jClient neo4j;
  private final Sources sources;

  FrontDoorFeedbackService(Neo4jClient neo4j, Sources sources) {
    this.neo4j = neo4j;
    this.sources = sources;
  }

  /** The date up to which the social care data is complete: the earliest coverage end. */
  LocalDate asAt() {
    Sources.Catalogue catalogue = sources.catalogue();
    return catalogue.forService("SOCIAL_CARE").stream()
        .map(Sources.Source::coveredTo)
        .filter(java.util.Objects::nonNull)
        .min(LocalDate::compareTo)
        .orElse(catalogue.referenceDate());
  }

  @Transactional(readOnly = true)
  public Feedback feedback(LocalDate from, LocalDate to, Set<Dimension> by) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "before from (" + from + ")");
    }
    if (ChronoUnit.MONTHS.between(from, to) >= 36) {
      throw new InvalidInputException("to", "at most 3 years after from");
    }
    LocalDate asAt = asAt();
    List<Row> rows = new ArrayList<>();
    tallies(from, to, asAt, by).forEach((key, t) -> rows.add(shown(key, t)));
    return new Feedback(from, to, asAt, rows);
  }

  /** Unsuppressed counts by the chosen dimensions (key: decision, team, month; null when not). */
  Map<List<String>, Tally> tallies(
      LocalDate from, LocalDate to, LocalDate asAt, Set<Dimension> by) {
    Map<List<String>, Tally> tallies = new LinkedHashMap<>();
    neo4j
        .query(CypherFile.load("queries/front-door/decision-feedback"))
        .bindAll(Map.of("from", from, "to", to, "asAt", asAt))
        .fetch()
        .all()
        .forEach(
            r -> {
              List<String> key =
                  java.util.Arrays.asList(
                      by.contains(Dimension.DECISION) ? (String) r.get("decision") : null,
                      by.contains(Dimension.TEAM) ? (String) r.get("team") : null,
                      by.contains(Dimension.MONTH) ? (String) r.get("month") : null);
              Tally t = tallies.computeIfAbsent(key, k -> new Tally());
              int w = java.util.Arrays.binarySearch(WINDOWS, ((Number) r.get("months")).intValue());
              if (w == 0) {
                t.contacts += (Long) r.get("contacts");
              }
              long[] c = t.windows[w];
              c[0] += (Long) r.get("followedUp");
              c[1] += (Long) r.get("reContacted");
              c[2] += (Long) r.get("referred");
              c[3] += (Long) r.get("childProtectionPlan");
              c[4] += (Long) r.get("care");
            });
    return tallies;
  }

  private static Row shown(List<String> key, Tally t) {
    List<Window> windows = new ArrayList<>();
    for (int w = 0; w < WINDOWS.length; w++) {
      long[] c = t.windows[w];
      Integer followedUp = SmallNumbers.suppress(c[0]);
      Integer[] outcomes = new Integer[4];
      for (int o = 0; o < 4; o++) {
        outcomes[o] = followedUp == null ? null : Shown.pair(c[o + 1], c[0])[0];
      }
      windows.add(
          new Window(WINDOWS[w], followedUp, outcomes[0], outcomes[1], outcomes[2], outcomes[3]));
    }
    return new Row(key.get(0), key.get(1), key.get(2), SmallNumbers.suppress(t.contacts), windows);
  }
}
