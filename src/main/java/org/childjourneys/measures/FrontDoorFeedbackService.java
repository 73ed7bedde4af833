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
import org.childjourneys.security.Actor;
import org.childjourneys.security.AggregateScope;
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

  static final FollowUp FOLLOW_UP =
      new FollowUp(
          new int[] {3, 6, 12},
          List.of("reContacted", "referred", "childProtectionPlan", "care", "steppedUp"));

  public record Feedback(LocalDate from, LocalDate to, LocalDate asAt, List<Row> rows) {}

  public record Row(
      String decision,
      String team,
      String month,
      boolean realNumbers,
      Integer contacts,
      List<Window> windows) {}

  /** One follow-up window: of the contacts followed up, how many led to each outcome. */
  public record Window(
      int months,
      Integer followedUp,
      Integer reContacted,
      Integer referred,
      Integer childProtectionPlan,
      Integer care,
      Integer steppedUp) {}

  private final Neo4jClient neo4j;
  private final AggregateScope scope;
  private final Sources sources;

  FrontDoorFeedbackService(Neo4jClient neo4j, Sources sources, AggregateScope scope) {
    this.scope = scope;
    this.neo4j = neo4j;
    this.sources = sources;
  }

  @Transactional(readOnly = true)
  public Feedback feedback(Actor actor, LocalDate from, LocalDate to, Set<Dimension> by) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "before from (" + from + ")");
    }
    if (ChronoUnit.MONTHS.between(from, to) >= 36) {
      throw new InvalidInputException("to", "at most 3 years after from");
    }
    // Complete up to the earliest coverage end of the social care sources.
    LocalDate asAt = FollowUp.completeUpTo(sources.catalogue(), "SOCIAL_CARE");
    List<Row> rows = new ArrayList<>();
    Set<String> ownTeam = by.contains(Dimension.TEAM) ? FollowUp.ownTeam(actor, neo4j) : Set.of();
    tallies(from, to, asAt, by)
        .forEach(
            (key, t) ->
                rows.add(shown(key, t, key.get(1) != null && ownTeam.contains(key.get(1)))));
    return new Feedback(from, to, asAt, rows);
  }

  /** Unsuppressed counts by the chosen dimensions (key: decision, team, month; null when not). */
  @Transactional(readOnly = true)
  Map<List<String>, FollowUp.Tally> tallies(
      LocalDate from, LocalDate to, LocalDate asAt, Set<Dimension> by) {
    Map<List<String>, FollowUp.Tally> tallies = new LinkedHashMap<>();
    neo4j
        .query(CypherFile.load("queries/front-door/decision-feedback"))
        .bindAll(scope.with(Map.of("from", from, "to", to, "asAt", asAt)))
        .fetch()
        .all()
        .forEach(
            r -> {
              List<String> key =
                  java.util.Arrays.asList(
                      by.contains(Dimension.DECISION) ? (String) r.get("decision") : null,
                      by.contains(Dimension.TEAM) ? (String) r.get("team") : null,
                      by.contains(Dimension.MONTH) ? (String) r.get("month") : null);
              FOLLOW_UP.add(tallies.computeIfAbsent(key, k -> FOLLOW_UP.tally()), r, "contacts");
            });
    return tallies;
  }

  private static Row shown(List<String> key, FollowUp.Tally t, boolean realNumbers) {
    List<Window> windows =
        FOLLOW_UP.shown(t, realNumbers).stream()
            .map(
                w ->
                    new Window(
                        w.months(),
                        w.followedUp(),
                        w.outcomes().get("reContacted"),
                        w.outcomes().get("referred"),
                        w.outcomes().get("childProtectionPlan"),
                        w.outcomes().get("care"),
                        w.outcomes().get("steppedUp")))
            .toList();
    return new Row(
        key.get(0),
        key.get(1),
        key.get(2),
        realNumbers,
        realNumbers ? (Integer) (int) t.items : SmallNumbers.suppress(t.items),
        windows);
  }
}
