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

  Journeys(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  /** Every journey that began on or before to. */
  List<Journey> begunBy(LocalDate to) {
    return read(
        neo4j
            .query(CypherFile.load("queries/journeys/journey-summaries"))
            .bind(to)
            .to("to")
            .fetch()
            .all());
  }

  /** The journeys of these children (those with any involvement). */
  List<Journey> of(Collection<String> childIds) {
    return read(
        neo4j
            .query(CypherFile.load("queries/journeys/journey-summaries-of-children"))
            .bind(List.copyOf(childIds))
            .to("childIds")
            .fetch()
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
        .bindAll(Map.of("kinds", List.copyOf(kinds), "to", to))
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

  private static List<Journey> read(Collection<Map<String, Object>> rows) {
    List<Journey> journeys = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      List<?> kinds = (List<?>) row.get("kinds");
      List<?> services = (List<?>) row.get("services");
      List<?> starts = (List<?>) row.get("starts");
      List<?> ends = (List<?>) row.get("ends");
      List<Step> steps = new ArrayList<>(kinds.size());
      for (int i = 0; i < kinds.size(); i++) {
        LocalDate end = (LocalDate) ends.get(i);
        steps.add(
            new Step(
                (String) kinds.get(i),
                (String) services.get(i),
                (LocalDate) starts.get(i),
                OPEN.equals(end) ? null : end));
      }
      journeys.add(new Journey((String) row.get("childId"), List.copyOf(steps)));
    }
    return journeys;
  }
}
