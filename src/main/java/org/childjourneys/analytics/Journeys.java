package org.childjourneys.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.childjourneys.dataset.ServiceDomains;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.AggregateScope;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Reads the per-child journey summaries (docs/measures.md#journey-summaries) that overlap and
 * pathways are computed from, and the few other facts they need, each from an index.
 */
@Component
class Journeys {

  /** An open end, as the summaries store it (a list property cannot hold null). */
  static final LocalDate OPEN = LocalDate.of(9999, 12, 31);

  /** Registrations nearly every child has: not steps of a pathway (they would be in every one). */
  static final Set<String> UNIVERSAL_KINDS =
      Set.of(
          "SCHOOL_ENROLMENT",
          "GP_REGISTRATION",
          "HEALTH_VISITING",
          "SCHOOL_NURSING",
          "CHILDRENS_CENTRE_REGISTRATION");

  /** Involvement kinds (docs/model.md). */
  static final List<String> INVOLVEMENT_KINDS = ServiceDomains.INVOLVEMENT_KINDS;

  /** Event kinds that can be outcomes (docs/model.md). */
  static final List<String> OUTCOME_EVENT_KINDS =
      List.of(
          "PERMANENT_EXCLUSION",
          "SUSPENSION",
          "MISSING_EPISODE",
          "ARREST",
          "CUSTODY",
          "EMERGENCY_DEPARTMENT_ATTENDANCE",
          "HOSPITAL_ADMISSION",
          "SELF_HARM_PRESENTATION",
          "BECAME_HOMELESS",
          "PERSISTENT_ABSENCE");

  /** One involvement of a child's journey. end is null while open. */
  record Step(String kind, String service, LocalDate start, LocalDate end) {
    boolean activeIn(LocalDate from, LocalDate to) {
      return !start.isAfter(to) && (end == null || !end.isBefore(from));
    }
  }

  /** A child's involvements in journey order. */
  record Journey(String childId, List<Step> steps) {}

  private final Neo4jClient neo4j;
  private final AggregateScope scope;

  Journeys(Neo4jClient neo4j, AggregateScope scope) {
    this.neo4j = neo4j;
    this.scope = scope;
  }

  /** Every journey that began on or before to. */
  List<Journey> begunBy(LocalDate to) {
    return List.copyOf(
        neo4j
            .query(CypherFile.load("queries/journeys/journey-summaries"))
            .bindAll(scope.with(Map.of("to", to)))
            .fetchAs(Journey.class)
            .mappedBy((types, record) -> journey(record))
            .all());
  }

  /**
   * Every journey that began on or before to, without its universal registrations; journeys with
   * nothing else are left out.
   */
  List<Journey> targetedBegunBy(LocalDate to) {
    return List.copyOf(
        neo4j
            .query(CypherFile.load("queries/journeys/targeted-journey-summaries"))
            .bindAll(scope.with(Map.of("to", to, "universal", List.copyOf(UNIVERSAL_KINDS))))
            .fetchAs(Journey.class)
            .mappedBy((types, record) -> journey(record))
            .all());
  }

  /**
   * The children whose journey began by to with an involvement active from from to to, by the exact
   * combination of the services (of those given, in their order) they had active; counted in the
   * database.
   */
  Map<List<String>, Long> activeCombinations(LocalDate from, LocalDate to, List<String> services) {
    Map<List<String>, Long> counts = new HashMap<>();
    neo4j
        .query(CypherFile.load("queries/journeys/overlap-combinations"))
        .bindAll(scope.with(Map.of("from", from, "to", to, "services", List.copyOf(services))))
        .fetch()
        .all()
        .forEach(
            row -> {
              List<String> combination = new ArrayList<>();
              for (Object o : (Collection<?>) row.get("combination")) {
                combination.add((String) o);
              }
              counts.merge(
                  List.copyOf(combination), ((Number) row.get("children")).longValue(), Long::sum);
            });
    return counts;
  }

  /** The journeys of these children (those with any involvement). */
  List<Journey> of(Collection<String> childIds) {
    return List.copyOf(
        neo4j
            .query(CypherFile.load("queries/journeys/journey-summaries-of-children"))
            .bindAll(scope.with(Map.of("childIds", List.copyOf(childIds))))
            .fetchAs(Journey.class)
            .mappedBy((types, record) -> journey(record))
            .all());
  }

  /** A saved cohort's members (merged ones as the child they are now); empty when no cohort. */
  Optional<List<String>> cohortMembers(String cohortId) {
    return neo4j
        .query(CypherFile.load("queries/journeys/cohort-members"))
        .bind(cohortId)
        .to("cohortId")
        .fetch()
        .one()
        .map(
            row -> {
              List<String> ids = new ArrayList<>();
              for (Object o : (Collection<?>) row.get("members")) {
                ids.add((String) o);
              }
              return ids;
            });
  }

  /** What a saved cohort is: its name, definition and the reference date when saved. */
  Optional<ServiceOverlapService.SavedCohort> cohortDescription(String cohortId) {
    return neo4j
        .query(CypherFile.load("queries/journeys/cohort-description"))
        .bind(cohortId)
        .to("cohortId")
        .fetch()
        .one()
        .map(
            row ->
                new ServiceOverlapService.SavedCohort(
                    (String) row.get("cohortId"),
                    (String) row.get("name"),
                    (String) row.get("definition"),
                    (LocalDate) row.get("referenceDate")));
  }

  /** Event dates of the kinds up to to, by kind then child, each list sorted. */
  Map<String, Map<String, List<LocalDate>>> eventDates(Collection<String> kinds, LocalDate to) {
    Map<String, Map<String, List<LocalDate>>> byKind = new HashMap<>();
    if (kinds.isEmpty()) {
      return byKind;
    }
    neo4j
        .query(CypherFile.load("queries/journeys/event-dates"))
        .bindAll(scope.with(Map.of("kinds", List.copyOf(kinds), "to", to)))
        .fetch()
        .all()
        .forEach(
            row -> {
              List<LocalDate> dates = new ArrayList<>();
              for (Object o : (Collection<?>) row.get("dates")) {
                dates.add((LocalDate) o);
              }
              dates.sort(null);
              byKind
                  .computeIfAbsent((String) row.get("kind"), k -> new HashMap<>())
                  .put((String) row.get("childId"), dates);
            });
    return byKind;
  }

  /** A journey from a row of the summary queries, read from the driver's values directly. */
  private static Journey journey(org.neo4j.driver.Record row) {
    List<String> kinds = row.get("kinds").asList(org.neo4j.driver.Value::asString);
    List<String> services = row.get("services").asList(org.neo4j.driver.Value::asString);
    List<LocalDate> starts = row.get("starts").asList(org.neo4j.driver.Value::asLocalDate);
    List<LocalDate> ends = row.get("ends").asList(org.neo4j.driver.Value::asLocalDate);
    List<Step> steps = new ArrayList<>(kinds.size());
    for (int i = 0; i < kinds.size(); i++) {
      LocalDate end = ends.get(i);
      steps.add(
          new Step(kinds.get(i), services.get(i), starts.get(i), OPEN.equals(end) ? null : end));
    }
    return new Journey(row.get("childId").asString(), List.copyOf(steps));
  }
}
