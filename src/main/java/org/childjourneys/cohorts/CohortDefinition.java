package org.childjourneys.cohorts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.childjourneys.InvalidInputException;
import org.childjourneys.dataset.ServiceDomains;
import org.childjourneys.graphql.IdArgument;

/**
 * Who is in a cohort: either filters, all optional and AND-ed, or an explicit list of child ids
 * (docs/measures.md#cohorts). The involvement filter ({@code services}, {@code kinds}) is met by an
 * involvement open at some time from {@code from} to {@code to} ({@link Entry#ACTIVE}, the default)
 * or started in that period ({@link Entry#STARTED}); {@code from} and {@code to} also bound the
 * contact, need and area filters. A child's entry date is the start of their earliest matching
 * involvement, else the day of their earliest matching contact, else {@code from}; an outcome is
 * something of a kind happening after it.
 */
public record CohortDefinition(
    List<String> childIds,
    List<String> services,
    List<String> kinds,
    LocalDate from,
    LocalDate to,
    Entry entry,
    Integer ageFrom,
    Integer ageTo,
    List<String> ageBands,
    LocalDate ageOn,
    List<String> needCodes,
    List<String> primaryNeeds,
    List<String> areas,
    List<String> decisions,
    Outcome outcome) {

  /** Whether an involvement meets the filter by being open in the period, or by starting in it. */
  public enum Entry {
    ACTIVE,
    STARTED
  }

  /** Something of a kind (involvement or event) after the child's entry, within months if given. */
  public record Outcome(String kind, Integer withinMonths) {}

  static final int MAX_LISTED = 10_000;
  static final int MAX_VALUES = 100;
  static final int MAX_AGE = 25;
  static final LocalDate OPEN_FROM = LocalDate.of(1900, 1, 1);
  static final LocalDate OPEN_TO = LocalDate.of(9999, 12, 31);

  boolean listed() {
    return childIds != null;
  }

  boolean involvementFilter() {
    return services != null || kinds != null;
  }

  boolean ageFilter() {
    return ageFrom != null || ageTo != null || ageBands != null;
  }

  LocalDate periodFrom() {
    return from == null ? OPEN_FROM : from;
  }

  LocalDate periodTo() {
    return to == null ? OPEN_TO : to;
  }

  Entry entryOrDefault() {
    return entry == null ? Entry.ACTIVE : entry;
  }

  /**
   * Checks everything that needs no database: allowed values, ranges and combinations.
   *
   * @throws InvalidInputException naming the input field and, for codes, the allowed values
   */
  void check() {
    if (listed()) {
      if (services != null
          || kinds != null
          || from != null
          || to != null
          || entry != null
          || ageFilter()
          || ageOn != null
          || needCodes != null
          || primaryNeeds != null
          || areas != null
          || decisions != null
          || outcome != null) {
        throw new InvalidInputException(
            "definition.childIds", "a cohort is either a list of children or filters, not both");
      }
      if (childIds.isEmpty() || childIds.size() > MAX_LISTED) {
        throw new InvalidInputException(
            "definition.childIds", "from 1 to " + MAX_LISTED + " ids, was " + childIds.size());
      }
      childIds.forEach(id -> IdArgument.check("definition.childIds", id));
      return;
    }
    codes("definition.services", services, ServiceDomains.CODES);
    codes("definition.kinds", kinds, CohortVocabulary.INVOLVEMENT_KINDS);
    codes("definition.ageBands", ageBands, CohortVocabulary.AGE_BANDS);
    codes("definition.decisions", decisions, CohortVocabulary.DECISIONS);
    values("definition.needCodes", needCodes);
    values("definition.primaryNeeds", primaryNeeds);
    values("definition.areas", areas);
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidInputException("definition.to", "before from (" + from + "), was " + to);
    }
    if (entry == Entry.STARTED && !involvementFilter()) {
      throw new InvalidInputException(
          "definition.entry", "STARTED applies to an involvement filter: give services or kinds");
    }
    age("definition.ageFrom", ageFrom);
    age("definition.ageTo", ageTo);
    if (ageFrom != null && ageTo != null && ageTo < ageFrom) {
      throw new InvalidInputException(
          "definition.ageTo", "at least ageFrom (" + ageFrom + "), was " + ageTo);
    }
    if (ageOn != null && !ageFilter()) {
      throw new InvalidInputException(
          "definition.ageOn", "the date ages are taken on: give ageFrom, ageTo or ageBands too");
    }
    if (outcome != null) {
      List<String> allowed = new ArrayList<>(CohortVocabulary.INVOLVEMENT_KINDS);
      allowed.addAll(CohortVocabulary.EVENT_KINDS);
      if (outcome.kind() == null || !allowed.contains(outcome.kind())) {
        throw new InvalidInputException(
            "definition.outcome.kind",
            "an involvement or event kind, one of "
                + String.join(", ", allowed)
                + "; was "
                + outcome.kind());
      }
      if (outcome.withinMonths() != null
          && (outcome.withinMonths() < 1 || outcome.withinMonths() > 120)) {
        throw new InvalidInputException(
            "definition.outcome.withinMonths", "from 1 to 120, was " + outcome.withinMonths());
      }
      if (!involvementFilter() && decisions == null && from == null) {
        throw new InvalidInputException(
            "definition.outcome",
            "an outcome follows the cohort entry: give services, kinds, decisions or from");
      }
    }
  }

  /** Checks need codes against the vocabulary (scheme CIN_FACTOR and PRIMARY_NEED codes). */
  void checkNeeds(Collection<String> cinFactors, Collection<String> primaryNeedCodes) {
    codes("definition.needCodes", needCodes, List.copyOf(cinFactors));
    codes("definition.primaryNeeds", primaryNeeds, List.copyOf(primaryNeedCodes));
  }

  /** The date ages are taken on: {@code ageOn}, else {@code to}, else the data's reference date. */
  LocalDate ageDate(LocalDate referenceDate) {
    return ageOn != null ? ageOn : to != null ? to : referenceDate;
  }

  /**
   * The definition as saved and shown, in a fixed order and without empty filters. A listed
   * cohort's ids are not repeated (they are the frozen members); only their number is.
   */
  Map<String, Object> describe(LocalDate referenceDate) {
    Map<String, Object> d = new LinkedHashMap<>();
    if (listed()) {
      d.put("listedChildren", childIds.size());
      return d;
    }
    put(d, "services", services);
    put(d, "kinds", kinds);
    put(d, "from", from);
    put(d, "to", to);
    if (involvementFilter()) {
      d.put("entry", entryOrDefault().name());
    }
    put(d, "ageFrom", ageFrom);
    put(d, "ageTo", ageTo);
    put(d, "ageBands", ageBands);
    if (ageFilter()) {
      d.put("ageOn", ageDate(referenceDate).toString());
    }
    put(d, "needCodes", needCodes);
    put(d, "primaryNeeds", primaryNeeds);
    put(d, "areas", areas);
    put(d, "decisions", decisions);
    if (outcome != null) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("kind", outcome.kind());
      put(o, "withinMonths", outcome.withinMonths());
      d.put("outcome", o);
    }
    return d;
  }

  private static void put(Map<String, Object> d, String key, Object value) {
    if (value instanceof Collection<?> c) {
      d.put(key, List.copyOf(new TreeSet<>(c.stream().map(String::valueOf).toList())));
    } else if (value != null) {
      d.put(key, value instanceof LocalDate ? value.toString() : value);
    }
  }

  private static void values(String field, List<String> values) {
    if (values == null) {
      return;
    }
    if (values.isEmpty() || values.size() > MAX_VALUES) {
      throw new InvalidInputException(
          field,
          "from 1 to " + MAX_VALUES + " values (leave it out for no filter), was " + values.size());
    }
    for (String v : values) {
      if (v == null || v.isBlank() || v.length() > 40) {
        throw new InvalidInputException(field, "a code of 1 to 40 characters, was " + v);
      }
    }
  }

  private static void codes(String field, List<String> values, List<String> allowed) {
    values(field, values);
    if (values == null) {
      return;
    }
    for (String v : values) {
      if (!allowed.contains(v)) {
        throw new InvalidInputException(
            field, "one of " + String.join(", ", allowed) + "; was " + v);
      }
    }
  }

  private static void age(String field, Integer age) {
    if (age != null && (age < 0 || age > MAX_AGE)) {
      throw new InvalidInputException(field, "from 0 to " + MAX_AGE + " years, was " + age);
    }
  }
}
