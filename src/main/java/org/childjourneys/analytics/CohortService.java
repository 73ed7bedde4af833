package org.childjourneys.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.disclosure.Pseudonyms;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.AggregateScope;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pseudonymised cohort for analysts: the children with an involvement in a service open on a
 * date, each as a keyed pseudonym with an age band, sex and the kinds of involvement open then.
 * Child ids are read to compute pseudonyms and never leave this class. Pages are in pseudonym order
 * (which says nothing about ids or dates), and the cursor is the last pseudonym. A cohort of 1 to 5
 * children is not listed: with so few, the row-level attributes could single a child out. Not
 * written to the audit trail: no child's record is read (docs/security.md).
 */
@Service
public class CohortService {

  public static final int MAX_PAGE = 100;

  record Cohort(
      LocalDate openOn,
      Integer size,
      List<CohortMember> members,
      String endCursor,
      boolean hasNextPage) {}

  record CohortMember(
      String pseudonym, String ageBand, String sex, List<String> openInvolvementKinds) {}

  private record Children(LocalDate openOn, List<String> ids) {}

  private record Pseudonymised(String pseudonym, String childId) {}

  private final Neo4jClient neo4j;
  private final AggregateScope scope;
  private final Pseudonyms pseudonyms;

  CohortService(Neo4jClient neo4j, Pseudonyms pseudonyms, AggregateScope scope) {
    this.scope = scope;
    this.neo4j = neo4j;
    this.pseudonyms = pseudonyms;
  }

  @Transactional(readOnly = true)
  public Cohort cohort(String service, LocalDate openOn, int first, String after) {
    if (first < 1 || first > MAX_PAGE) {
      throw new IllegalArgumentException(
          "first must be between 1 and " + MAX_PAGE + ", was " + first);
    }
    Map<String, Object> params = new HashMap<>();
    params.put("service", service);
    params.put("openOn", openOn);
    params.put(AggregateScope.PARAMETER, scope.systems());
    Children children =
        neo4j
            .query(CypherFile.load("disclosure/cohort-children"))
            .bindAll(params)
            .fetchAs(Children.class)
            .mappedBy(
                (types, r) ->
                    new Children(
                        r.get("openOn").asLocalDate(), r.get("childIds").asList(Value::asString)))
            .one()
            .orElseThrow();
    int size = children.ids().size();
    Integer shownSize = SmallNumbers.suppress(size);
    if (size == 0 || shownSize == null) {
      return new Cohort(children.openOn(), shownSize, List.of(), null, false);
    }
    List<Pseudonymised> ordered =
        children.ids().stream()
            .map(id -> new Pseudonymised(pseudonyms.of(id), id))
            .sorted(Comparator.comparing(Pseudonymised::pseudonym))
            .toList();
    List<Pseudonymised> page =
        ordered.stream()
            .filter(p -> after == null || p.pseudonym().compareTo(after) > 0)
            .limit(first + 1L)
            .toList();
    boolean hasNextPage = page.size() > first;
    page = page.subList(0, Math.min(first, page.size()));
    List<CohortMember> members = details(page, children.openOn());
    return new Cohort(
        children.openOn(),
        shownSize,
        members,
        hasNextPage ? page.get(page.size() - 1).pseudonym() : null,
        hasNextPage);
  }

  private List<CohortMember> details(List<Pseudonymised> page, LocalDate openOn) {
    if (page.isEmpty()) {
      return List.of();
    }
    Map<String, String> pseudonymOf = new HashMap<>();
    page.forEach(p -> pseudonymOf.put(p.childId(), p.pseudonym()));
    Map<String, Object> params = new HashMap<>();
    params.put("childIds", page.stream().map(Pseudonymised::childId).toList());
    params.put("openOn", openOn);
    params.put(AggregateScope.PARAMETER, scope.systems());
    List<CohortMember> members =
        new ArrayList<>(
            neo4j
                .query(CypherFile.load("disclosure/cohort-details"))
                .bindAll(params)
                .fetchAs(CohortMember.class)
                .mappedBy(
                    (types, r) ->
                        new CohortMember(
                            pseudonymOf.get(r.get("childId").asString()),
                            r.get("ageBand").asString(),
                            r.get("sex").asString(null),
                            r.get("kinds").asList(Value::asString)))
                .all());
    members.sort(Comparator.comparing(CohortMember::pseudonym));
    return members;
  }
}
