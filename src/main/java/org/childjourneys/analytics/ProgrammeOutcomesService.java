package org.childjourneys.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.childjourneys.InvalidInputException;
import org.childjourneys.dataset.ServiceDomains;
import org.childjourneys.dataset.Sources;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.AggregateScope;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcomes of the children who had a programme against a matched comparison group
 * (docs/measures.md#programme-outcomes): each programme child is matched to one child without the
 * programme who started the same kind of involvement within 183 days of them, with the same age
 * band, need codes and prior involvement kinds at that date (exact matching, nearest date, without
 * replacement). An association between groups that were not randomly chosen, never the effect of
 * the programme; the answer says so.
 */
@Service
public class ProgrammeOutcomesService {

  /** How far apart a programme child's and their comparison child's index dates may be. */
  static final int COMPARABLE_DAYS = 183;

  static final String CAVEAT =
      "Selection into the programme is not random: children were chosen for it by practitioners,"
          + " so the two groups can differ in ways the matching (age band, need codes and prior"
          + " involvement kinds at the start, a start within 183 days) does not capture. The"
          + " difference is an association, not the effect of the programme. Unmatched programme"
          + " children are left out, so the rates describe the matched children only.";

  public record ProgrammeOutcomes(
      String programme,
      LocalDate from,
      LocalDate to,
      int months,
      LocalDate asAt,
      Integer programmeChildren,
      Integer matched,
      Integer comparisonChildren,
      List<String> kinds,
      List<ProgrammeOutcome> outcomes,
      String caveat) {}

  public record ProgrammeOutcome(
      String outcome,
      FollowUpOutcomes.Rate programme,
      FollowUpOutcomes.Rate comparison,
      Double difference,
      Double differenceLower,
      Double differenceUpper) {}

  /** A child at their index date. */
  record Indexed(String child, LocalDate day, String key, boolean[] outcomes) {}

  private final Neo4jClient neo4j;
  private final AggregateScope scope;
  private final Sources sources;

  ProgrammeOutcomesService(Neo4jClient neo4j, Sources sources, AggregateScope scope) {
    this.scope = scope;
    this.neo4j = neo4j;
    this.sources = sources;
  }

  @Transactional(readOnly = true)
  public ProgrammeOutcomes outcomes(String programme, LocalDate from, LocalDate to, int months) {
    if (programme == null || programme.isBlank() || programme.length() > 200) {
      throw new InvalidInputException("programme", "a programme name of 1 to 200 characters");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "before from (" + from + ")");
    }
    if (ChronoUnit.YEARS.between(from, to) >= 10) {
      throw new InvalidInputException("to", "at most 10 years after from");
    }
    if (months < 1 || months > 36) {
      throw new InvalidInputException("months", "1 to 36, was " + months);
    }
    String name = UnitCosts.key(programme);
    LocalDate asAt = FollowUpOutcomes.completeUpTo(sources.catalogue());
    Map<String, Object> params = new HashMap<>();
    params.put("programme", name);
    params.put("services", ServiceDomains.CODES);
    params.put(AggregateScope.PARAMETER, scope.systems());
    params.put("from", from);
    params.put("to", to);
    List<String> carriers =
        List.copyOf(
            neo4j
                .query(CypherFile.load("queries/programmes/programme-kinds"))
                .bindAll(params)
                .fetchAs(String.class)
                .mappedBy((t, r) -> r.get("kind").asString())
                .all());
    List<Indexed> treated = new ArrayList<>();
    List<Indexed> pool = new ArrayList<>();
    if (!carriers.isEmpty()) {
      LinkedHashSet<String> kinds = new LinkedHashSet<>(FollowUpOutcomes.PRIOR_KINDS);
      kinds.addAll(carriers);
      params.put("carriers", carriers);
      params.put("kinds", List.copyOf(kinds));
      params.put("months", months);
      params.put("asAt", asAt);
      neo4j
          .query(CypherFile.load("queries/programmes/programme-outcomes"))
          .bindAll(params)
          .fetch()
          .all()
          .forEach(
              r -> {
                LocalDate day = (LocalDate) r.get("day");
                Indexed i =
                    new Indexed(
                        (String) r.get("child"),
                        day,
                        key(
                            FollowUpOutcomes.ageBand((LocalDate) r.get("birthDate"), day),
                            strings(r.get("needCodes")),
                            strings(r.get("priorKinds"))),
                        FollowUpOutcomes.flags(r));
                ("PROGRAMME".equals(r.get("group")) ? treated : pool).add(i);
              });
    }
    List<Indexed[]> pairs = match(treated, pool);
    int o = FollowUpOutcomes.OUTCOMES.size();
    long[] t = new long[o];
    long[] c = new long[o];
    for (Indexed[] pair : pairs) {
      for (int k = 0; k < o; k++) {
        t[k] += pair[0].outcomes()[k] ? 1 : 0;
        c[k] += pair[1].outcomes()[k] ? 1 : 0;
      }
    }
    long n = pairs.size();
    List<ProgrammeOutcome> outcomes = new ArrayList<>();
    for (int k = 0; k < o; k++) {
      String outcome = FollowUpOutcomes.OUTCOMES.get(k);
      FollowUpOutcomes.Rate rt = FollowUpOutcomes.rate(outcome, t[k], n);
      FollowUpOutcomes.Rate rc = FollowUpOutcomes.rate(outcome, c[k], n);
      if (rt.rate() == null || rc.rate() == null) {
        outcomes.add(new ProgrammeOutcome(outcome, rt, rc, null, null, null));
      } else {
        FollowUpOutcomes.Interval d = FollowUpOutcomes.newcombe(t[k], n, c[k], n);
        outcomes.add(
            new ProgrammeOutcome(outcome, rt, rc, rt.rate() - rc.rate(), d.lower(), d.upper()));
      }
    }
    Integer shownMatched = SmallNumbers.suppress(n);
    return new ProgrammeOutcomes(
        name,
        from,
        to,
        months,
        asAt,
        SmallNumbers.suppress(treated.size()),
        shownMatched,
        shownMatched,
        carriers,
        outcomes,
        CAVEAT);
  }

  /**
   * One comparison child per programme child: the same key, an index date at most {@link
   * #COMPARABLE_DAYS} away, nearest first (ties: the lower child id), each used once; programme
   * children are matched in order of index date, then id.
   */
  static List<Indexed[]> match(List<Indexed> treated, List<Indexed> pool) {
    List<Indexed> order = new ArrayList<>(treated);
    order.sort(
        (a, b) ->
            a.day().equals(b.day()) ? a.child().compareTo(b.child()) : a.day().compareTo(b.day()));
    Map<String, List<Indexed>> byKey = new HashMap<>();
    for (Indexed p : pool) {
      byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
    }
    List<Indexed[]> pairs = new ArrayList<>();
    for (Indexed p : order) {
      List<Indexed> candidates = byKey.getOrDefault(p.key(), List.of());
      Indexed best = null;
      long bestGap = Long.MAX_VALUE;
      for (Indexed c : candidates) {
        long gap = Math.abs(ChronoUnit.DAYS.between(p.day(), c.day()));
        if (gap > COMPARABLE_DAYS) {
          continue;
        }
        if (gap < bestGap || (gap == bestGap && c.child().compareTo(best.child()) < 0)) {
          best = c;
          bestGap = gap;
        }
      }
      if (best != null) {
        candidates.remove(best);
        pairs.add(new Indexed[] {p, best});
      }
    }
    return pairs;
  }

  static String key(String ageBand, Collection<String> needs, Collection<String> prior) {
    return ageBand
        + "|"
        + String.join(",", new TreeSet<>(needs))
        + "|"
        + String.join(",", new TreeSet<>(prior));
  }

  @SuppressWarnings("unchecked")
  private static Collection<String> strings(Object value) {
    return value == null ? List.of() : (Collection<String>) value;
  }
}
