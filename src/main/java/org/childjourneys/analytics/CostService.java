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
import java.util.TreeMap;
import org.childjourneys.InvalidInputException;
import org.childjourneys.dataset.ServiceDomains;
import org.childjourneys.dataset.Sources;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.AccessPolicy;
import org.childjourneys.security.Actor;
import org.childjourneys.security.AggregateScope;
import org.childjourneys.security.AuditBatch;
import org.childjourneys.security.AuditTrail;
import org.childjourneys.security.Grant;
import org.childjourneys.security.Purpose;
import org.childjourneys.security.RecordAccess;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What children's involvements cost at the configured unit costs (docs/measures.md#costs): a
 * child's journey (a read of their record: authorised and audited), a cohort's (an aggregate,
 * suppressed), and, for other analytics such as pathways, any set of children ({@link #lines}).
 */
@Service
public class CostService {

  static final String INDICATIVE =
      "Indicative costs: recorded involvements, placements and programmes at the configured unit"
          + " costs (default figures are national averages from published sources, not this"
          + " council's prices; docs/measures.md#costs). Open items are costed up to the date the"
          + " data describes.";

  /** One costed item of a child. */
  public record Line(
      String childId,
      String category,
      String code,
      String service,
      LocalDate start,
      LocalDate end,
      int days,
      int episodes,
      Double perWeek,
      Double perEpisode,
      Double cost) {}

  public record JourneyCost(
      String childId,
      LocalDate from,
      LocalDate to,
      double total,
      List<Line> lines,
      List<String> uncosted,
      List<String> withheldServices,
      String note) {}

  /** A cohort's cost as shown: null when withheld. */
  public record CohortCost(
      LocalDate from,
      LocalDate to,
      Integer children,
      Double total,
      Double perChild,
      List<CostGroup> groups,
      String note) {}

  /** The cost of one category and code (e.g. PLACEMENT K2), and how many children it is for. */
  public record CostGroup(String category, String code, Integer children, Double cost) {}

  public record CohortFilter(List<String> kinds, List<String> services) {}

  private final Neo4jClient neo4j;
  private final AggregateScope scope;
  private final Sources sources;
  private final UnitCosts units;
  private final RecordAccess access;
  private final AccessPolicy policy;

  CostService(
      Neo4jClient neo4j,
      Sources sources,
      UnitCosts units,
      RecordAccess access,
      AccessPolicy policy,
      AggregateScope scope) {
    this.scope = scope;
    this.neo4j = neo4j;
    this.sources = sources;
    this.units = units;
    this.access = access;
    this.policy = policy;
  }

  /**
   * The costed items of these children from {@code from} to {@code to}: the reusable calculation
   * (Cypher {@code queries/costs/children-costs}); unsuppressed, so callers show aggregates only.
   */
  @Transactional(readOnly = true)
  public List<Line> lines(Collection<String> childIds, LocalDate from, LocalDate to) {
    // An aggregate: only the items the reader's authority recorded (docs/security.md).
    return lines(childIds, from, to, scope.systems());
  }

  /** The costed items recorded by these source systems (null: every system). */
  private List<Line> lines(
      Collection<String> childIds, LocalDate from, LocalDate to, List<String> systems) {
    Map<String, Object> params = new HashMap<>(units.parameters());
    params.put(AggregateScope.PARAMETER, systems);
    params.put("childIds", List.copyOf(childIds));
    params.put("from", from);
    params.put("to", to);
    params.put("openUntil", sources.catalogue().referenceDate().plusDays(1));
    List<Line> lines = new ArrayList<>();
    neo4j
        .query(CypherFile.load("queries/costs/children-costs"))
        .bindAll(params)
        .fetch()
        .all()
        .forEach(
            r ->
                lines.add(
                    new Line(
                        (String) r.get("childId"),
                        (String) r.get("category"),
                        (String) r.get("code"),
                        (String) r.get("service"),
                        (LocalDate) r.get("start"),
                        (LocalDate) r.get("end"),
                        ((Number) r.get("days")).intValue(),
                        ((Number) r.get("episodes")).intValue(),
                        (Double) r.get("perWeek"),
                        (Double) r.get("perEpisode"),
                        (Double) r.get("cost"))));
    return lines;
  }

  /** A child's journey cost, for a reader the rules let read the child's record; null otherwise. */
  @Transactional(readOnly = true)
  public JourneyCost journeyCost(
      Actor actor,
      Purpose purpose,
      String childId,
      LocalDate from,
      LocalDate to,
      AuditBatch audit) {
    LocalDate end = to == null ? sources.catalogue().referenceDate() : to;
    LocalDate start = from == null ? LocalDate.of(1900, 1, 1) : from;
    if (end.isBefore(start)) {
      throw new InvalidInputException("to", "before from (" + start + ")");
    }
    Grant grant = access.grant(actor, purpose, childId).orElse(null);
    boolean found = grant != null;
    audit.add(
        new AuditTrail.Access(
            actor,
            purpose,
            "READ",
            childId,
            "journey cost",
            allowed(actor, purpose, childId, found),
            found));
    if (grant == null) {
      return null;
    }
    List<Line> shown = new ArrayList<>();
    Set<String> withheld = new HashSet<>();
    // Another authority's items only for the purposes that share them (docs/security.md).
    List<String> systems =
        grant.ownership().sharedAcross() ? null : scope.systemsOf(grant.ownership().reader());
    for (Line line : lines(List.of(childId), start, end, systems)) {
      if (line.service() == null || grant.shows(line.service())) {
        shown.add(line);
      } else {
        withheld.add(line.service());
      }
    }
    double total = shown.stream().filter(l -> l.cost() != null).mapToDouble(Line::cost).sum();
    List<String> uncosted =
        shown.stream()
            .filter(l -> l.cost() == null)
            .map(l -> l.category() + " " + l.code())
            .distinct()
            .toList();
    return new JourneyCost(
        childId,
        from,
        end,
        round(total),
        shown,
        uncosted,
        withheld.stream().sorted().toList(),
        INDICATIVE);
  }

  /**
   * Whether the rules allowed the read: a child who does not exist, asked for by a role that may
   * read for the purpose, is allowed and not found (docs/security.md); a refusal is not allowed.
   */
  private boolean allowed(Actor actor, Purpose purpose, String childId, boolean granted) {
    if (granted) {
      return true;
    }
    if (!policy.mayReadRecord(actor, purpose)) {
      return false;
    }
    return !neo4j
        .query(CypherFile.load("queries/costs/child-exists"))
        .bind(childId)
        .to("id")
        .fetchAs(Boolean.class)
        .mappedBy((t, r) -> r.get("exists").asBoolean())
        .one()
        .orElse(false);
  }

  /** A cohort's cost: a saved cohort's members, or the children a filter finds. */
  @Transactional(readOnly = true)
  public CohortCost cohortCost(String cohortId, CohortFilter filter, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "before from (" + from + ")");
    }
    if (ChronoUnit.YEARS.between(from, to) >= 10) {
      throw new InvalidInputException("to", "at most 10 years after from");
    }
    if ((cohortId == null) == (filter == null)) {
      throw new InvalidInputException("cohortId", "give either cohortId or filter, not both");
    }
    List<String> children;
    if (cohortId != null) {
      children =
          List.copyOf(
              neo4j
                  .query(CypherFile.load("queries/costs/cohort-members"))
                  .bind(cohortId)
                  .to("id")
                  .fetchAs(String.class)
                  .mappedBy((t, r) -> r.get("childId").asString())
                  .all());
      if (children.isEmpty()) {
        throw new InvalidInputException("cohortId", "no saved cohort " + cohortId);
      }
    } else {
      List<String> kinds = filter.kinds() == null ? List.of() : filter.kinds();
      List<String> services = filter.services() == null ? List.of() : filter.services();
      for (String s : services) {
        if (!ServiceDomains.CODES.contains(s)) {
          throw new InvalidInputException(
              "filter.services", "one of " + ServiceDomains.CODES + ", was " + s);
        }
      }
      if (kinds.isEmpty() && services.isEmpty()) {
        throw new InvalidInputException("filter", "name kinds and/or services");
      }
      Map<String, Object> params = new HashMap<>();
      params.put("kinds", kinds);
      params.put("services", services);
      params.put("from", from);
      params.put("to", to);
      params.put(AggregateScope.PARAMETER, scope.systems());
      children =
          List.copyOf(
              neo4j
                  .query(CypherFile.load("queries/costs/children-involved"))
                  .bindAll(params)
                  .fetchAs(String.class)
                  .mappedBy((t, r) -> r.get("childId").asString())
                  .all());
    }
    return aggregate(from, to, children.size(), lines(children, from, to));
  }

  /**
   * Costs by category and code, suppressed: a group's cost is withheld when it is for 1-5 children
   * (it would describe them), and when exactly one group's cost is withheld the next smallest is
   * withheld too (else the total), so no withheld cost is the total minus the others.
   */
  static CohortCost aggregate(LocalDate from, LocalDate to, int size, List<Line> lines) {
    Map<String, Set<String>> childrenOf = new TreeMap<>();
    Map<String, Double> costOf = new TreeMap<>();
    for (Line l : lines) {
      if (l.cost() == null) {
        continue;
      }
      String key = l.category() + " " + l.code();
      childrenOf.computeIfAbsent(key, k -> new HashSet<>()).add(l.childId());
      costOf.merge(key, l.cost(), Double::sum);
    }
    double total = costOf.values().stream().mapToDouble(Double::doubleValue).sum();
    Integer shownSize = SmallNumbers.suppress(size);
    Set<String> withheld = new HashSet<>();
    childrenOf.forEach(
        (k, c) -> {
          if (SmallNumbers.suppress(c.size()) == null) {
            withheld.add(k);
          }
        });
    boolean totalWithheld = shownSize == null;
    if (withheld.size() == 1 && !totalWithheld) {
      String partner = null;
      for (String k : costOf.keySet()) {
        if (!withheld.contains(k)
            && costOf.get(k) > 0
            && (partner == null || costOf.get(k) < costOf.get(partner))) {
          partner = k;
        }
      }
      if (partner != null) {
        withheld.add(partner);
      } else {
        totalWithheld = true;
      }
    }
    List<CostGroup> groups = new ArrayList<>();
    Map<String, String[]> parts = new LinkedHashMap<>();
    costOf.keySet().forEach(k -> parts.put(k, k.split(" ", 2)));
    for (Map.Entry<String, String[]> e : parts.entrySet()) {
      String k = e.getKey();
      boolean hidden = withheld.contains(k) || shownSize == null;
      groups.add(
          new CostGroup(
              e.getValue()[0],
              e.getValue()[1],
              shownSize == null ? null : SmallNumbers.suppress(childrenOf.get(k).size()),
              hidden ? null : round(costOf.get(k))));
    }
    return new CohortCost(
        from,
        to,
        shownSize,
        totalWithheld ? null : round(total),
        totalWithheld || size == 0 ? null : round(total / size),
        groups,
        INDICATIVE);
  }

  static double round(double pounds) {
    return Math.round(pounds * 100) / 100.0;
  }
}
