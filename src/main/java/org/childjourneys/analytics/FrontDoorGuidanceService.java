package org.childjourneys.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourneys.InvalidInputException;
import org.childjourneys.dataset.Sources;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.AggregateScope;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Front-door guidance: for a presenting profile, what happened within a window to the children who
 * presented with the same profile in a past period (docs/measures.md#front-door-guidance). Plain
 * rates with n and 95% Wilson intervals about a group of past children; never a score about the
 * child in front of the worker. A profile matching fewer than 20 children is widened by dropping
 * criteria in a fixed order, and the answer says which criteria were used.
 */
@Service
public class FrontDoorGuidanceService {

  /** The criteria, in the order they are dropped when too few children match. */
  public enum Criterion {
    REFERRAL_SOURCE,
    NEED_CODES,
    PRIOR_INVOLVEMENTS,
    AGE_BAND
  }

  /** "No prior involvement": the child had none of the targeted kinds before. */
  static final String NONE = "NONE";

  /** CIN census referral source codes (import/codes/code-lists.csv, CIN_REFERRAL_SOURCE). */
  static final List<String> REFERRAL_SOURCES =
      List.of(
          "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B",
          "5C", "5D", "6", "7", "8", "9", "10");

  public record Profile(
      String ageBand,
      String referralSource,
      List<String> needCodes,
      List<String> priorInvolvements) {}

  public record Guidance(
      LocalDate from,
      LocalDate to,
      int months,
      LocalDate asAt,
      List<Criterion> criteriaGiven,
      List<Criterion> criteriaUsed,
      List<Criterion> criteriaDropped,
      boolean widened,
      Integer children,
      boolean enoughChildren,
      List<FollowUpOutcomes.Rate> outcomes,
      String note) {}

  /** One followed-up presentation as the query returns it. */
  record Presentation(
      String child,
      LocalDate day,
      String ageBand,
      String referralSource,
      Set<String> needCodes,
      Set<String> priorKinds,
      boolean[] outcomes) {}

  static final String NOTE =
      "Plain statistics about past children who presented with a similar profile: what happened to"
          + " them, not a prediction or score for this child. Each child is counted once, at their"
          + " earliest matching presentation; only presentations whose whole window ends by asAt"
          + " count. Rates rest on recorded involvements only.";

  private final Neo4jClient neo4j;
  private final AggregateScope scope;
  private final Sources sources;

  FrontDoorGuidanceService(Neo4jClient neo4j, Sources sources, AggregateScope scope) {
    this.scope = scope;
    this.neo4j = neo4j;
    this.sources = sources;
  }

  @Transactional(readOnly = true)
  public Guidance guidance(Profile profile, LocalDate from, LocalDate to, int months) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "before from (" + from + ")");
    }
    if (ChronoUnit.YEARS.between(from, to) >= 10) {
      throw new InvalidInputException("to", "at most 10 years after from");
    }
    if (months < 1 || months > 36) {
      throw new InvalidInputException("months", "1 to 36, was " + months);
    }
    Profile p = checked(profile);
    LocalDate asAt = FollowUpOutcomes.completeUpTo(sources.catalogue());
    List<Presentation> rows = presentations(from, to, months, asAt);
    List<Criterion> given = new ArrayList<>();
    for (Criterion c : Criterion.values()) {
      if (isGiven(p, c)) {
        given.add(c);
      }
    }
    List<Criterion> used = new ArrayList<>(given);
    List<Criterion> dropped = new ArrayList<>();
    Map<String, boolean[]> matched = firstMatching(rows, p, used);
    while (matched.size() < FollowUpOutcomes.MIN_CHILDREN && !used.isEmpty()) {
      dropped.add(used.remove(0));
      matched = firstMatching(rows, p, used);
    }
    long n = matched.size();
    long[] counts = new long[FollowUpOutcomes.OUTCOMES.size()];
    for (boolean[] f : matched.values()) {
      for (int o = 0; o < f.length; o++) {
        counts[o] += f[o] ? 1 : 0;
      }
    }
    boolean enough = n >= FollowUpOutcomes.MIN_CHILDREN;
    String note =
        NOTE
            + (dropped.isEmpty()
                ? ""
                : " Fewer than "
                    + FollowUpOutcomes.MIN_CHILDREN
                    + " children matched every criterion given, so "
                    + dropped
                    + " were dropped (in the fixed order REFERRAL_SOURCE, NEED_CODES,"
                    + " PRIOR_INVOLVEMENTS, AGE_BAND).")
            + (enough
                ? ""
                : " Even so fewer than "
                    + FollowUpOutcomes.MIN_CHILDREN
                    + " children matched: treat these rates with great caution.");
    return new Guidance(
        from,
        to,
        months,
        asAt,
        given,
        used,
        dropped,
        !dropped.isEmpty(),
        SmallNumbers.suppress(n),
        enough,
        FollowUpOutcomes.rates(n, counts),
        note);
  }

  /** Each child's outcomes at their earliest presentation matching the criteria (rows by day). */
  static Map<String, boolean[]> firstMatching(
      List<Presentation> rows, Profile p, Collection<Criterion> criteria) {
    Map<String, boolean[]> first = new LinkedHashMap<>();
    for (Presentation r : rows) {
      if (!first.containsKey(r.child()) && matches(r, p, criteria)) {
        first.put(r.child(), r.outcomes());
      }
    }
    return first;
  }

  static boolean matches(Presentation r, Profile p, Collection<Criterion> criteria) {
    for (Criterion c : criteria) {
      boolean ok =
          switch (c) {
            case AGE_BAND -> p.ageBand().equals(r.ageBand());
            case REFERRAL_SOURCE -> p.referralSource().equals(r.referralSource());
            case NEED_CODES -> r.needCodes().containsAll(p.needCodes());
            case PRIOR_INVOLVEMENTS ->
                p.priorInvolvements().contains(NONE)
                    ? r.priorKinds().isEmpty()
                    : r.priorKinds().containsAll(p.priorInvolvements());
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isGiven(Profile p, Criterion c) {
    return switch (c) {
      case AGE_BAND -> p.ageBand() != null;
      case REFERRAL_SOURCE -> p.referralSource() != null;
      case NEED_CODES -> !p.needCodes().isEmpty();
      case PRIOR_INVOLVEMENTS -> !p.priorInvolvements().isEmpty();
    };
  }

  private Profile checked(Profile profile) {
    Profile p = profile == null ? new Profile(null, null, null, null) : profile;
    if (p.ageBand() != null && !FollowUpOutcomes.AGE_BANDS.contains(p.ageBand())) {
      throw new InvalidInputException(
          "profile.ageBand", "one of " + FollowUpOutcomes.AGE_BANDS + ", was " + p.ageBand());
    }
    if (p.referralSource() != null && !REFERRAL_SOURCES.contains(p.referralSource())) {
      throw new InvalidInputException(
          "profile.referralSource",
          "a CIN census referral source code, one of " + REFERRAL_SOURCES);
    }
    List<String> needs =
        p.needCodes() == null ? List.of() : List.copyOf(new HashSet<>(p.needCodes()));
    if (!needs.isEmpty()) {
      Set<String> known =
          new HashSet<>(
              neo4j
                  .query(CypherFile.load("queries/guidance/cin-factors"))
                  .fetchAs(String.class)
                  .mappedBy((t, r) -> r.get("code").asString())
                  .all());
      for (String code : needs) {
        if (!known.contains(code)) {
          throw new InvalidInputException(
              "profile.needCodes",
              "CIN assessment factor codes, one of "
                  + known.stream().sorted().toList()
                  + "; was "
                  + code);
        }
      }
    }
    List<String> prior =
        p.priorInvolvements() == null
            ? List.of()
            : List.copyOf(new HashSet<>(p.priorInvolvements()));
    for (String kind : prior) {
      if (!FollowUpOutcomes.PRIOR_KINDS.contains(kind) && !NONE.equals(kind)) {
        throw new InvalidInputException(
            "profile.priorInvolvements",
            "NONE or involvement kinds, among " + FollowUpOutcomes.PRIOR_KINDS + "; was " + kind);
      }
    }
    if (prior.contains(NONE) && prior.size() > 1) {
      throw new InvalidInputException(
          "profile.priorInvolvements", "NONE cannot be given with involvement kinds");
    }
    return new Profile(p.ageBand(), p.referralSource(), needs, prior);
  }

  /** The followed-up presentations of the period, by child and day. */
  List<Presentation> presentations(LocalDate from, LocalDate to, int months, LocalDate asAt) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", from);
    params.put("to", to);
    params.put("months", months);
    params.put("asAt", asAt);
    params.put("kinds", FollowUpOutcomes.PRIOR_KINDS);
    params.put(AggregateScope.PARAMETER, scope.systems());
    // Read straight from the driver's records (no intermediate maps): ~16k rows at 100k children.
    return List.copyOf(
        neo4j
            .query(CypherFile.load("queries/guidance/front-door-guidance"))
            .bindAll(params)
            .fetchAs(Presentation.class)
            .mappedBy((types, r) -> presentation(r))
            .all());
  }

  private static Presentation presentation(org.neo4j.driver.Record r) {
    LocalDate day = r.get("day").asLocalDate();
    boolean[] outcomes = new boolean[FollowUpOutcomes.OUTCOMES.size()];
    for (int o = 0; o < outcomes.length; o++) {
      outcomes[o] = r.get(FollowUpOutcomes.OUTCOMES.get(o)).asBoolean(false);
    }
    return new Presentation(
        r.get("child").asString(),
        day,
        FollowUpOutcomes.ageBand(r.get("birthDate").asLocalDate(null), day),
        r.get("referralSource").asString(null),
        Set.copyOf(r.get("needCodes").asList(org.neo4j.driver.Value::asString)),
        Set.copyOf(r.get("priorKinds").asList(org.neo4j.driver.Value::asString)),
        outcomes);
  }
}
