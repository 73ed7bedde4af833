package org.childjourneys.cohorts;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.childjourneys.InvalidInputException;
import org.childjourneys.dataset.Sources;
import org.childjourneys.disclosure.Audience;
import org.childjourneys.disclosure.Pseudonyms;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.graphql.IdArgument;
import org.childjourneys.graphql.PageSize;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.Actor;
import org.childjourneys.security.AggregateScope;
import org.childjourneys.security.AuditBatch;
import org.childjourneys.security.AuditTrail;
import org.childjourneys.security.Purpose;
import org.childjourneys.security.RecordAccess;
import org.childjourneys.security.Role;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved cohorts (docs/measures.md#cohorts): a definition evaluated once and its members frozen on
 * the {@code Cohort} node, then tracked over time, compared and sampled. Every count is an
 * aggregate: suppressed for the reader's audience (a cohort is never a team's own caseload, so for
 * everyone today). Member ids never leave this class except in a quality-assurance sample read for
 * AUDIT, where each child is authorised like a read of their record and audited.
 */
@Service
public class SavedCohortService {

  /** The largest cohort that may be saved (its members are a list on one node). */
  static final int MAX_MEMBERS = 200_000;

  /** The most periods one track may have. */
  static final int MAX_PERIODS = 60;

  /** The largest sample. */
  static final int MAX_SAMPLE = 50;

  public enum Interval {
    MONTH,
    QUARTER
  }

  public record SavedCohort(
      String id,
      String name,
      String definition,
      String createdBy,
      String role,
      OffsetDateTime createdAt,
      LocalDate referenceDate,
      Integer size) {}

  public record Track(
      String cohortId, String name, Interval every, Integer size, List<Period> periods) {}

  /** Per period, how many members had each tier open and each kind of event; null when withheld. */
  public record Period(
      LocalDate start,
      LocalDate end,
      Integer earlyHelp,
      Integer childInNeed,
      Integer childProtectionPlan,
      Integer lookedAfter,
      Integer youthJustice,
      Integer neet,
      Integer exclusion,
      Integer missing) {}

  public record Comparison(Track a, Track b, Integer overlap) {}

  public record Sample(
      String cohortId,
      long seed,
      boolean identifiable,
      Integer cohortSize,
      List<SampleChild> children) {}

  /** A sampled child: identifiable (id, names, birth date) or pseudonymised, never both. */
  public record SampleChild(
      String pseudonym,
      String childId,
      String givenName,
      String familyName,
      LocalDate birthDate,
      String ageBand,
      String sex) {}

  static final List<String> MEASURES =
      List.of(
          "earlyHelp",
          "childInNeed",
          "childProtectionPlan",
          "lookedAfter",
          "youthJustice",
          "neet",
          "exclusion",
          "missing");

  private record Members(String id, String name, List<String> ids, long seed) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom SEEDS = new SecureRandom();

  private final Neo4jClient neo4j;
  private final AggregateScope scope;
  private final Sources sources;
  private final Pseudonyms pseudonyms;
  private final RecordAccess access;

  SavedCohortService(
      Neo4jClient neo4j,
      Sources sources,
      Pseudonyms pseudonyms,
      RecordAccess access,
      AggregateScope scope) {
    this.scope = scope;
    this.neo4j = neo4j;
    this.sources = sources;
    this.pseudonyms = pseudonyms;
    this.access = access;
  }

  /** Evaluates the definition now and saves it with its members frozen. */
  @Transactional
  public SavedCohort save(Actor actor, String name, CohortDefinition definition) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new InvalidInputException(
          "name", "1 to 100 characters, was " + (name == null ? "none" : name.length()));
    }
    if (definition == null) {
      throw new InvalidInputException("definition", "required");
    }
    definition.check();
    LocalDate referenceDate = sources.catalogue().referenceDate();
    List<String> members = members(definition, referenceDate);
    if (members.size() > MAX_MEMBERS) {
      throw new InvalidInputException(
          "definition",
          "more than " + MAX_MEMBERS + " children (" + members.size() + "): narrow it");
    }
    Map<String, Object> params = new HashMap<>();
    params.put("id", "COH-" + UUID.randomUUID());
    params.put("name", name.strip());
    params.put("definition", JSON.writeValueAsString(definition.describe(referenceDate)));
    params.put("createdBy", actor.name());
    params.put("role", actor.role().name());
    params.put("referenceDate", referenceDate);
    params.put("memberIds", members);
    params.put("sampleSeed", SEEDS.nextLong() & 0xFFFF_FFFFL);
    return neo4j
        .query(CypherFile.load("queries/cohorts/save"))
        .bindAll(params)
        .fetch()
        .one()
        .map(SavedCohortService::saved)
        .orElseThrow();
  }

  /** The saved cohorts, newest first, their sizes suppressed. */
  @Transactional(readOnly = true)
  public List<SavedCohort> list(int first) {
    PageSize.check("first", first);
    return neo4j
        .query(CypherFile.load("queries/cohorts/list"))
        .bind(first)
        .to("limit")
        .fetch()
        .all()
        .stream()
        .map(SavedCohortService::saved)
        .toList();
  }

  /** The members' measures per month or quarter from {@code from} to {@code to}. */
  @Transactional(readOnly = true)
  public Track track(Actor actor, String id, LocalDate from, LocalDate to, Interval every) {
    List<Map<String, Object>> periods = periods(from, to, every);
    return track(actor, cohort("id", id), from, to, every, periods);
  }

  /** Two cohorts' tracks side by side, and how many children are in both. */
  @Transactional(readOnly = true)
  public Comparison compare(
      Actor actor, String a, String b, LocalDate from, LocalDate to, Interval every) {
    List<Map<String, Object>> periods = periods(from, to, every);
    Members first = cohort("a", a);
    Members second = cohort("b", b);
    Set<String> inA = new HashSet<>(first.ids());
    long both = second.ids().stream().filter(inA::contains).count();
    SmallNumbers.Table table = new SmallNumbers.Table();
    table.count("both", both);
    table.count("onlyA", first.ids().size() - both);
    table.count("onlyB", second.ids().size() - both);
    table.total("sizeA", List.of("onlyA", "both"));
    table.total("sizeB", List.of("onlyB", "both"));
    Map<String, Integer> shown = SmallNumbers.forAudience(Audience.of(actor), table);
    Track trackA = track(actor, first, from, to, every, periods);
    Track trackB = track(actor, second, from, to, every, periods);
    return new Comparison(
        withSize(trackA, shown.get("sizeA")),
        withSize(trackB, shown.get("sizeB")),
        shown.get("both"));
  }

  /**
   * A random sample of the cohort, the same for the same seed (default: the seed saved with the
   * cohort): the members sorted by id, shuffled by {@link Random} with the seed, the first {@code
   * size} taken. Identifiable only to quality assurance reading for AUDIT, each child authorised
   * like a read of their record (restricted records left out) and audited; everyone else gets
   * pseudonyms, age bands and sex, in pseudonym order, and nobody from a cohort of 1 to 5.
   */
  @Transactional(readOnly = true)
  public Sample sample(
      Actor actor, String id, int size, Long seed, Purpose purpose, AuditBatch audit) {
    if (size < 1 || size > MAX_SAMPLE) {
      throw new InvalidInputException("size", "from 1 to " + MAX_SAMPLE + ", was " + size);
    }
    if (purpose == null) {
      throw new InvalidInputException("purpose", "required");
    }
    Members cohort = cohort("id", id);
    long usedSeed = seed == null ? cohort.seed() : seed;
    List<String> sample = current(draw(cohort.ids(), usedSeed, size));
    LocalDate on = sources.catalogue().referenceDate();
    boolean identifiable = actor.role() == Role.QUALITY_ASSURANCE && purpose == Purpose.AUDIT;
    if (identifiable) {
      List<String> allowed = new ArrayList<>();
      for (String childId : sample) {
        boolean granted = access.grant(actor, purpose, childId).isPresent();
        audit.add(
            new AuditTrail.Access(
                actor,
                purpose,
                "READ",
                childId,
                "cohort sample of " + cohort.id() + " (seed " + usedSeed + ")",
                granted,
                granted));
        if (granted) {
          allowed.add(childId);
        }
      }
      Map<String, Map<String, Object>> details = details(allowed, on);
      List<SampleChild> children = new ArrayList<>();
      for (String childId : allowed) {
        Map<String, Object> d = details.get(childId);
        if (d != null) {
          children.add(
              new SampleChild(
                  null,
                  childId,
                  (String) d.get("givenName"),
                  (String) d.get("familyName"),
                  (LocalDate) d.get("birthDate"),
                  (String) d.get("ageBand"),
                  (String) d.get("sex")));
        }
      }
      return new Sample(
          cohort.id(), usedSeed, true, SmallNumbers.suppress(cohort.ids().size()), children);
    }
    Integer shownSize = SmallNumbers.suppress(cohort.ids().size());
    if (shownSize == null) {
      return new Sample(cohort.id(), usedSeed, false, null, List.of());
    }
    Map<String, Map<String, Object>> details = details(sample, on);
    List<SampleChild> children =
        sample.stream()
            .filter(details::containsKey)
            .map(
                childId -> {
                  Map<String, Object> d = details.get(childId);
                  return new SampleChild(
                      pseudonyms.of(childId),
                      null,
                      null,
                      null,
                      null,
                      (String) d.get("ageBand"),
                      (String) d.get("sex"));
                })
            .sorted(Comparator.comparing(SampleChild::pseudonym))
            .toList();
    return new Sample(cohort.id(), usedSeed, false, shownSize, children);
  }

  /** The first {@code size} of the ids sorted, then shuffled with the seed. */
  static List<String> draw(List<String> ids, long seed, int size) {
    List<String> shuffled = new ArrayList<>(new TreeSet<>(ids));
    Collections.shuffle(shuffled, new Random(seed));
    return List.copyOf(shuffled.subList(0, Math.min(size, shuffled.size())));
  }

  /**
   * The drawn ids as the children they now are, in the same order: a member merged into another
   * child since the cohort was saved is that child (once); one no longer in the database is left
   * out.
   */
  private List<String> current(List<String> drawn) {
    if (drawn.isEmpty()) {
      return drawn;
    }
    Map<String, String> now = new HashMap<>();
    neo4j
        .query(CypherFile.load("queries/cohorts/known-children"))
        .bind(drawn)
        .to("ids")
        .fetch()
        .all()
        .forEach(r -> now.put((String) r.get("asked"), (String) r.get("childId")));
    return drawn.stream().filter(now::containsKey).map(now::get).distinct().toList();
  }

  /** The members of a definition now, sorted by id. */
  List<String> members(CohortDefinition d, LocalDate referenceDate) {
    if (d.listed()) {
      return listed(d.childIds());
    }
    checkAgainstData(d);
    Map<String, Object> params = new HashMap<>();
    params.put("from", d.periodFrom());
    params.put("to", d.periodTo());
    params.put("started", d.entryOrDefault() == CohortDefinition.Entry.STARTED);
    params.put("kinds", d.kinds());
    params.put("services", d.services());
    params.put("decisions", d.decisions());
    // Only the facts the reader's authority recorded
    // (docs/measures.md#aggregates-of-several-authorities).
    List<String> systems = scope.systems();
    params.put(AggregateScope.PARAMETER, systems);
    String entry;
    boolean decisionsApplied = false;
    if (d.kinds() != null) {
      entry = "entry-by-kind";
    } else if (d.services() != null) {
      entry = "entry-by-service";
    } else if (d.decisions() != null) {
      entry = "entry-by-contact";
      decisionsApplied = true;
    } else {
      entry = "entry-all-children";
    }
    List<Map<String, Object>> candidates = new ArrayList<>();
    neo4j
        .query(CypherFile.load("queries/cohorts/" + entry))
        .bindAll(params)
        .fetch()
        .all()
        .forEach(
            r -> {
              Map<String, Object> c = new HashMap<>();
              c.put("childId", r.get("childId"));
              c.put("entry", r.get("entry"));
              candidates.add(c);
            });
    if (candidates.isEmpty()) {
      return List.of();
    }
    Map<String, Object> filters = new HashMap<>();
    filters.put("candidates", candidates);
    filters.put("from", d.periodFrom());
    filters.put("to", d.periodTo());
    filters.put("decisions", decisionsApplied ? null : d.decisions());
    filters.put("needCodes", d.needCodes());
    filters.put("primaryNeeds", d.primaryNeeds());
    filters.put("ageOn", d.ageDate(referenceDate));
    filters.put("ageFrom", d.ageFrom());
    filters.put("ageTo", d.ageTo());
    filters.put("ageBands", d.ageBands());
    filters.put("areas", d.areas());
    filters.put("outcomeKinds", d.outcome() == null ? null : List.of(d.outcome().kind()));
    filters.put("outcomeMonths", d.outcome() == null ? null : d.outcome().withinMonths());
    filters.put(AggregateScope.PARAMETER, systems);
    return neo4j
        .query(CypherFile.load("queries/cohorts/filter"))
        .bindAll(filters)
        .fetchAs(String.class)
        .mappedBy((types, r) -> r.get("childId").asString())
        .all()
        .stream()
        .distinct()
        .sorted()
        .toList();
  }

  /** Checks need codes and areas against the vocabulary and areas in the database. */
  private void checkAgainstData(CohortDefinition d) {
    if (d.needCodes() != null || d.primaryNeeds() != null) {
      List<String> factors = new ArrayList<>();
      List<String> primary = new ArrayList<>();
      neo4j
          .query(CypherFile.load("queries/cohorts/vocabulary"))
          .fetch()
          .all()
          .forEach(
              r ->
                  ("CIN_FACTOR".equals(r.get("scheme")) ? factors : primary)
                      .add((String) r.get("code")));
      d.checkNeeds(factors, primary);
    }
    if (d.areas() != null) {
      Set<String> known =
          new HashSet<>(
              neo4j
                  .query(CypherFile.load("queries/cohorts/known-areas"))
                  .bind(d.areas())
                  .to("codes")
                  .fetchAs(String.class)
                  .mappedBy((types, r) -> r.get("code").asString())
                  .all());
      for (String code : d.areas()) {
        if (!known.contains(code)) {
          throw new InvalidInputException(
              "definition.areas", "an LSOA or ward code of this authority, was " + code);
        }
      }
    }
  }

  /** A list's children as they now are (merged ones as the child they were merged into). */
  private List<String> listed(List<String> ids) {
    Map<String, String> found = new HashMap<>();
    neo4j
        .query(CypherFile.load("queries/cohorts/known-children"))
        .bind(List.copyOf(new TreeSet<>(ids)))
        .to("ids")
        .fetch()
        .all()
        .forEach(r -> found.put((String) r.get("asked"), (String) r.get("childId")));
    List<String> missing = ids.stream().filter(i -> !found.containsKey(i)).distinct().toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "definition.childIds",
          missing.size() + " ids are not children of this database, the first " + missing.get(0));
    }
    return new TreeSet<>(found.values()).stream().toList();
  }

  private Track track(
      Actor actor,
      Members cohort,
      LocalDate from,
      LocalDate to,
      Interval every,
      List<Map<String, Object>> periods) {
    Audience audience = Audience.of(actor);
    Map<String, Object> params = new HashMap<>();
    params.put("memberIds", cohort.ids());
    params.put("from", from);
    params.put("to", to);
    params.put("periods", periods);
    params.put(AggregateScope.PARAMETER, scope.systems());
    Map<LocalDate, Map<String, Object>> rows = new HashMap<>();
    if (!cohort.ids().isEmpty()) {
      neo4j
          .query(CypherFile.load("queries/cohorts/track"))
          .bindAll(params)
          .fetch()
          .all()
          .forEach(r -> rows.put((LocalDate) r.get("start"), r));
    }
    List<Period> shown = new ArrayList<>();
    for (Map<String, Object> p : periods) {
      LocalDate start = (LocalDate) p.get("start");
      Map<String, Object> row = rows.getOrDefault(start, Map.of());
      long members = number(row.get("members"));
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String measure : MEASURES) {
        counts.put(measure, ofMembers(audience, number(row.get(measure)), members));
      }
      shown.add(
          new Period(
              start,
              (LocalDate) p.get("end"),
              counts.get("earlyHelp"),
              counts.get("childInNeed"),
              counts.get("childProtectionPlan"),
              counts.get("lookedAfter"),
              counts.get("youthJustice"),
              counts.get("neet"),
              counts.get("exclusion"),
              counts.get("missing")));
    }
    Integer size =
        audience.seesRealNumbers()
            ? Integer.valueOf(cohort.ids().size())
            : SmallNumbers.suppress(cohort.ids().size());
    return new Track(cohort.id(), cohort.name(), every, size, shown);
  }

  /**
   * A count of members as shown: withheld when 1 to 5, and when the members without it are 1 to 5
   * (the cohort's size is shown, so they could be worked out).
   */
  private static Integer ofMembers(Audience audience, long count, long members) {
    SmallNumbers.Table table = new SmallNumbers.Table();
    table.count("with", count);
    table.count("without", members - count);
    table.total("members", List.of("with", "without"));
    return SmallNumbers.forAudience(audience, table).get("with");
  }

  private static Track withSize(Track t, Integer size) {
    return new Track(t.cohortId(), t.name(), t.every(), size, t.periods());
  }

  private static long number(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  /** The periods: calendar months or quarters, the first and last cut to from and to. */
  static List<Map<String, Object>> periods(LocalDate from, LocalDate to, Interval every) {
    if (from == null || to == null) {
      throw new InvalidInputException(from == null ? "from" : "to", "required");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "before from (" + from + "), was " + to);
    }
    Interval interval = every == null ? Interval.MONTH : every;
    LocalDate start =
        interval == Interval.MONTH
            ? from.withDayOfMonth(1)
            : from.with(IsoFields.DAY_OF_QUARTER, 1);
    long count =
        interval == Interval.MONTH
            ? ChronoUnit.MONTHS.between(start, to.withDayOfMonth(1)) + 1
            : ChronoUnit.MONTHS.between(start, to.with(IsoFields.DAY_OF_QUARTER, 1)) / 3 + 1;
    if (count > MAX_PERIODS) {
      throw new InvalidInputException(
          "to", "at most " + MAX_PERIODS + " periods from from, was " + count);
    }
    int months = interval == Interval.MONTH ? 1 : 3;
    List<Map<String, Object>> periods = new ArrayList<>();
    for (LocalDate s = start; !s.isAfter(to); s = s.plusMonths(months)) {
      LocalDate e = s.plusMonths(months).minusDays(1);
      Map<String, Object> p = new HashMap<>();
      p.put("start", s.isBefore(from) ? from : s);
      p.put("end", e.isAfter(to) ? to : e);
      periods.add(p);
    }
    return periods;
  }

  private Members cohort(String argument, String id) {
    IdArgument.check(argument, id);
    return neo4j
        .query(CypherFile.load("queries/cohorts/members"))
        .bind(id)
        .to("id")
        .fetch()
        .one()
        .map(
            r -> {
              @SuppressWarnings("unchecked")
              List<String> ids = (List<String>) r.get("memberIds");
              return new Members(
                  (String) r.get("id"),
                  (String) r.get("name"),
                  ids == null ? List.of() : ids,
                  number(r.get("sampleSeed")));
            })
        .orElseThrow(() -> new InvalidInputException(argument, "no saved cohort " + id));
  }

  private Map<String, Map<String, Object>> details(List<String> ids, LocalDate on) {
    Map<String, Map<String, Object>> byId = new HashMap<>();
    if (ids.isEmpty()) {
      return byId;
    }
    Map<String, Object> params = new HashMap<>();
    params.put("ids", ids);
    params.put("on", on);
    neo4j
        .query(CypherFile.load("queries/cohorts/sample-children"))
        .bindAll(params)
        .fetch()
        .all()
        .forEach(r -> byId.put((String) r.get("id"), r));
    return byId;
  }

  private static SavedCohort saved(Map<String, Object> r) {
    Object at = r.get("createdAt");
    OffsetDateTime createdAt =
        at instanceof ZonedDateTime z ? z.toOffsetDateTime() : (OffsetDateTime) at;
    return new SavedCohort(
        (String) r.get("id"),
        (String) r.get("name"),
        (String) r.get("definition"),
        (String) r.get("createdBy"),
        (String) r.get("role"),
        createdAt,
        (LocalDate) r.get("referenceDate"),
        SmallNumbers.suppress(number(r.get("memberCount"))));
  }
}
