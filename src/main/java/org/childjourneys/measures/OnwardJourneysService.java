package org.childjourneys.measures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourneys.InvalidInputException;
import org.childjourneys.dataset.Sources;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.Actor;
import org.childjourneys.security.AggregateScope;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onward journeys: for involvements of a kind that closed in a period, what followed within 3, 6,
 * 12 and 24 months, by team and/or closure reason (docs/measures.md). Closures whose window is not
 * over by the date every source's data reaches are left out of that window (n is shown as {@code
 * followedUp}); small numbers are withheld.
 */
@Service
public class OnwardJourneysService {

  public enum Dimension {
    TEAM,
    CLOSURE_REASON
  }

  static final FollowUp FOLLOW_UP =
      new FollowUp(
          new int[] {3, 6, 12, 24},
          List.of(
              "referral",
              "earlyHelp",
              "childProtectionPlan",
              "care",
              "custody",
              "neet",
              "exclusion",
              "noFurtherContact"));

  public record Journeys(
      String kind, LocalDate from, LocalDate to, LocalDate asAt, List<Row> rows) {}

  public record Row(
      String team,
      String closureReason,
      boolean realNumbers,
      Integer closures,
      List<Window> windows) {}

  /** Of the closures followed up for the whole window, how many went on to each outcome. */
  public record Window(int months, Integer followedUp, Map<String, Integer> outcomes) {

    public Integer referral() {
      return outcomes.get("referral");
    }

    public Integer earlyHelp() {
      return outcomes.get("earlyHelp");
    }

    public Integer childProtectionPlan() {
      return outcomes.get("childProtectionPlan");
    }

    public Integer care() {
      return outcomes.get("care");
    }

    public Integer custody() {
      return outcomes.get("custody");
    }

    public Integer neet() {
      return outcomes.get("neet");
    }

    public Integer exclusion() {
      return outcomes.get("exclusion");
    }

    public Integer noFurtherContact() {
      return outcomes.get("noFurtherContact");
    }
  }

  private final Neo4jClient neo4j;
  private final AggregateScope scope;
  private final Sources sources;

  OnwardJourneysService(Neo4jClient neo4j, Sources sources, AggregateScope scope) {
    this.scope = scope;
    this.neo4j = neo4j;
    this.sources = sources;
  }

  @Transactional(readOnly = true)
  public Journeys journeys(
      Actor actor, String kind, LocalDate from, LocalDate to, Set<Dimension> by) {
    if (kind == null || !kind.matches("[A-Z_]{2,40}")) {
      throw new InvalidInputException("kind", "an involvement kind such as EARLY_HELP_PLAN");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "before from (" + from + ")");
    }
    if (ChronoUnit.MONTHS.between(from, to) >= 36) {
      throw new InvalidInputException("to", "at most 3 years after from");
    }
    // Complete up to the earliest coverage end of every source (outcomes come from several).
    LocalDate asAt = FollowUp.completeUpTo(sources.catalogue(), null);
    List<Row> rows = new ArrayList<>();
    Set<String> ownTeam = by.contains(Dimension.TEAM) ? FollowUp.ownTeam(actor, neo4j) : Set.of();
    tallies(kind, from, to, asAt, by)
        .forEach(
            (key, t) ->
                rows.add(shown(key, t, key.get(0) != null && ownTeam.contains(key.get(0)))));
    return new Journeys(kind, from, to, asAt, rows);
  }

  /** Unsuppressed counts by the chosen dimensions (key: team, closure reason; null when not). */
  @Transactional(readOnly = true)
  Map<List<String>, FollowUp.Tally> tallies(
      String kind, LocalDate from, LocalDate to, LocalDate asAt, Set<Dimension> by) {
    Map<List<String>, FollowUp.Tally> tallies = new LinkedHashMap<>();
    neo4j
        .query(CypherFile.load("queries/journeys/onward-journeys"))
        .bindAll(scope.with(Map.of("kind", kind, "from", from, "to", to, "asAt", asAt)))
        .fetch()
        .all()
        .forEach(
            r -> {
              List<String> key =
                  Arrays.asList(
                      by.contains(Dimension.TEAM) ? (String) r.get("team") : null,
                      by.contains(Dimension.CLOSURE_REASON) ? (String) r.get("reason") : null);
              FOLLOW_UP.add(tallies.computeIfAbsent(key, k -> FOLLOW_UP.tally()), r, "closures");
            });
    return tallies;
  }

  private static Row shown(List<String> key, FollowUp.Tally t, boolean realNumbers) {
    List<Window> windows =
        FOLLOW_UP.shown(t, realNumbers).stream()
            .map(w -> new Window(w.months(), w.followedUp(), w.outcomes()))
            .toList();
    return new Row(
        key.get(0),
        key.get(1),
        realNumbers,
        realNumbers ? (Integer) (int) t.items : SmallNumbers.suppress(t.items),
        windows);
  }
}
