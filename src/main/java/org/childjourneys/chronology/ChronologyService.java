package org.childjourneys.chronology;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.dataset.Sources;
import org.childjourneys.neo4j.ReadQueries;
import org.childjourneys.security.Grant;
import org.childjourneys.security.GrantedChild;
import org.childjourneys.security.SharingRules;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Builds chronologies, summaries and step changes from a child's facts, showing only what the
 * reader's grant allows (sharing rules per service; other local authorities' facts only for the
 * cross-authority purposes; outcomes only for practice learning).
 */
@Service
class ChronologyService {

  static final String NOTE_SERVICE = "PRACTITIONER_NOTE";

  private final ReadQueries reads;
  private final Sources sources;
  private final ChronologyFlags flagRules;

  ChronologyService(ReadQueries reads, Sources sources, ChronologyFlags flagRules) {
    this.reads = reads;
    this.sources = sources;
    this.flagRules = flagRules;
  }

  /** The facts of each child in one read (the batch loader behind every chronology field). */
  public Map<String, ChildFacts> facts(Collection<String> ids) {
    Sources.Catalogue catalogue = sources.catalogue();
    Map<String, ChildFacts> byId = new HashMap<>();
    for (ChildFacts f :
        reads.list(
            "chronology/child-facts",
            Map.of("ids", List.copyOf(ids)),
            r ->
                new ChildFacts(
                    r.get("childId").asString(),
                    r.get("contacts").asList(v -> v),
                    r.get("involvements").asList(v -> v),
                    r.get("events").asList(v -> v),
                    r.get("annotations").asList(v -> v),
                    catalogue))) {
      byId.put(f.childId(), f);
    }
    for (String id : ids) {
      byId.putIfAbsent(id, ChildFacts.none(id, catalogue));
    }
    return byId;
  }

  ChronologyConnection chronology(GrantedChild child, ChildFacts facts, ChronologyQuery query) {
    Comparator<ChronologyItem> order =
        Comparator.comparing(ChronologyItem::date).thenComparing(ChronologyItem::id);
    if (query.newestFirst()) {
      order = order.reversed();
    }
    List<ChronologyItem> items =
        items(child.grant(), facts).stream().filter(query::accepts).sorted(order).toList();
    int start = 0;
    if (query.after() != null) {
      Cursor after = Cursor.decode(query.after());
      start = items.size();
      for (int i = 0; i < items.size(); i++) {
        if (order.compare(items.get(i), after.probe()) > 0) {
          start = i;
          break;
        }
      }
    }
    int end = Math.min(items.size(), start + query.first());
    List<ChronologyConnection.Edge> edges = new ArrayList<>();
    for (ChronologyItem item : items.subList(start, end)) {
      edges.add(new ChronologyConnection.Edge(Cursor.of(item), item));
    }
    return new ChronologyConnection(
        edges,
        new ChronologyConnection.PageInfo(
            end < items.size(),
            start > 0,
            edges.isEmpty() ? null : edges.get(0).cursor(),
            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
        items.size(),
        withheld(child.grant(), facts));
  }

  ChildSummary summary(GrantedChild child, ChildFacts facts, LocalDate asOfOrNull) {
    LocalDate asOf = asOfOrNull != null ? asOfOrNull : facts.catalogue().referenceDate();
    LocalDate yearAgo = asOf.minusMonths(12);
    List<ChronologyItem> items =
        items(child.grant(), facts).stream().filter(i -> !i.date().isAfter(asOf)).toList();
    Map<String, ChildSummary.ServiceActivity> services = new java.util.TreeMap<>();
    for (ChronologyItem i : items) {
      if (i.category() == ChronologyItem.Category.NOTE) {
        continue;
      }
      services.merge(
          i.service(),
          ChildSummary.ServiceActivity.of(i, asOf),
          ChildSummary.ServiceActivity::plus);
    }
    List<LocalDate> contacts = dates(items, i -> i.category() == ChronologyItem.Category.CONTACT);
    List<LocalDate> referrals =
        dates(
            items,
            i ->
                i.category() == ChronologyItem.Category.INVOLVEMENT
                    && i.kind().equals("CIN_EPISODE"));
    int repeatContacts = 0;
    for (int k = 1; k < contacts.size(); k++) {
      if (contacts.get(k).isAfter(yearAgo)
          && !contacts.get(k - 1).isBefore(contacts.get(k).minusMonths(12))) {
        repeatContacts++;
      }
    }
    // DfE: a referral in the 12 months to asOf that came within 12 months of the previous one
    boolean reReferral =
        referrals.size() >= 2
            && referrals.get(referrals.size() - 1).isAfter(yearAgo)
            && !referrals
                .get(referrals.size() - 2)
                .isBefore(referrals.get(referrals.size() - 1).minusMonths(12));
    return new ChildSummary(
        asOf,
        List.copyOf(services.values()),
        contacts.isEmpty() ? null : contacts.get(0),
        contacts.isEmpty() ? null : contacts.get(contacts.size() - 1),
        (int) items.stream().filter(i -> ChildSummary.open(i, asOf)).count(),
        (int) contacts.stream().filter(d -> d.isAfter(yearAgo)).count(),
        (int) referrals.stream().filter(d -> d.isAfter(yearAgo)).count(),
        reReferral,
        repeatContacts,
        (int)
            items.stream()
                .filter(i -> i.kind().equals("CP_PLAN"))
                .filter(i -> i.end() != null && !i.end().isAfter(asOf))
                .count(),
        withheld(child.grant(), facts));
  }

  /**
   * Moves between early help and social care in date order: a step up is social care work starting
   * after early help, a step down early help after social care.
   */
  List<StepChange> stepChanges(GrantedChild child, ChildFacts facts) {
    List<ChronologyItem> path =
        items(child.grant(), facts).stream()
            .filter(i -> i.category() == ChronologyItem.Category.INVOLVEMENT)
            .filter(
                i ->
                    i.kind().equals("CIN_EPISODE")
                        || i.kind().equals("EARLY_HELP_PLAN")
                        || i.kind().equals("EARLY_HELP_ASSESSMENT"))
            .sorted(Comparator.comparing(ChronologyItem::date).thenComparing(ChronologyItem::id))
            .toList();
    List<StepChange> steps = new ArrayList<>();
    ChronologyItem previous = null;
    for (ChronologyItem i : path) {
      if (previous != null && !previous.service().equals(i.service())) {
        boolean up = i.service().equals("SOCIAL_CARE");
        String reason =
            previous.closureReason() != null
                ? previous.service() + " closed: " + previous.closureReason()
                : previous.end() == null || previous.end().isAfter(i.date())
                    ? previous.service() + " still open"
                    : null;
        steps.add(new StepChange(i.date(), up ? "STEP_UP" : "STEP_DOWN", previous, i, reason));
      }
      previous = i;
    }
    return steps;
  }

  private static List<LocalDate> dates(
      List<ChronologyItem> items, java.util.function.Predicate<ChronologyItem> which) {
    return items.stream().filter(which).map(ChronologyItem::date).sorted().toList();
  }

  /**
   * The services this reader does not see, and why: first those the sharing rules withhold, then,
   * per service the rules show, each other local authority whose facts of the child the purpose
   * does not open (docs/security.md, "Several authorities in one graph").
   */
  private static List<ChronologyConnection.Withheld> withheld(Grant grant, ChildFacts facts) {
    List<ChronologyConnection.Withheld> withheld = new ArrayList<>();
    for (String service : SharingRules.SERVICES) {
      SharingRules.Decision d = grant.withheld(service);
      if (d != null) {
        withheld.add(
            new ChronologyConnection.Withheld(
                service,
                d.access() == SharingRules.Access.CONSENT ? "CONSENT_NOT_GIVEN" : "WITHHELD",
                d.reason()));
      }
    }
    Grant.Ownership ownership = grant.ownership();
    if (ownership.sharedAcross()) {
      return withheld;
    }
    // service -> the other authorities whose facts of that service are withheld
    Map<String, java.util.SortedSet<String>> others = new java.util.TreeMap<>();
    java.util.function.BiConsumer<String, String> withhold =
        (service, owner) -> {
          if (!ownership.shows(owner) && grant.shows(service)) {
            others.computeIfAbsent(service, k -> new java.util.TreeSet<>()).add(owner);
          }
        };
    if (grant.full()) {
      facts
          .contacts()
          .forEach(
              k -> withhold.accept(k.get("service").asString("SOCIAL_CARE"), owner(ownership, k)));
      facts
          .events()
          .forEach(e -> withhold.accept(e.get("service").asString(), owner(ownership, e)));
      facts.annotations().stream()
          .filter(a -> a.get("kind").asString().equals("NOTE"))
          .forEach(
              a ->
                  withhold.accept(
                      NOTE_SERVICE, ownership.owner(a.get("authority").asString(null))));
    }
    facts
        .involvements()
        .forEach(i -> withhold.accept(i.get("service").asString(), owner(ownership, i)));
    List<String> order = new ArrayList<>(SharingRules.SERVICES);
    order.add(NOTE_SERVICE);
    for (String service : order) {
      for (String owner : others.getOrDefault(service, java.util.Collections.emptySortedSet())) {
        withheld.add(
            new ChronologyConnection.Withheld(service, "WITHHELD", ownership.reason(owner)));
      }
    }
    return withheld;
  }

  private static String owner(Grant.Ownership ownership, Value fact) {
    return ownership.owner(fact.get("owner").asString(null));
  }

  /** Every item of the child's record this grant shows, flags applied, in no particular order. */
  List<ChronologyItem> items(Grant grant, ChildFacts facts) {
    Map<String, List<ChronologyItem.Flag>> practitionerFlags = new HashMap<>();
    List<ChronologyItem> items = new ArrayList<>();
    Grant.Ownership ownership = grant.ownership();
    for (Value a : facts.annotations()) {
      if (!ownership.shows(a.get("authority").asString(null))) {
        continue; // a practitioner of another authority wrote it
      }
      String kind = a.get("kind").asString();
      if (kind.equals("FLAG") && grant.full()) {
        practitionerFlags
            .computeIfAbsent(a.get("itemId").asString(), k -> new ArrayList<>())
            .add(
                new ChronologyItem.Flag(
                    a.get("flag").asString(),
                    "PRACTITIONER",
                    a.get("text").asString(null),
                    a.get("by").asString(),
                    a.get("at").asOffsetDateTime()));
      } else if (kind.equals("NOTE") && grant.full()) {
        items.add(
            new ChronologyItem(
                a.get("id").asString(),
                ChronologyItem.Category.NOTE,
                "NOTE",
                NOTE_SERVICE,
                a.get("date").asLocalDate(),
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                a.get("text").asString(),
                null,
                a.get("by").asString()));
      }
    }
    Sources.Catalogue catalogue = facts.catalogue();
    if (grant.full()) {
      for (Value k : facts.contacts()) {
        if (!ownership.shows(k.get("owner").asString(null))) {
          continue;
        }
        String service = k.get("service").asString("SOCIAL_CARE");
        items.add(
            new ChronologyItem(
                k.get("id").asString(),
                ChronologyItem.Category.CONTACT,
                "CONTACT",
                service,
                contactDate(k),
                null,
                k.get("decision").asString(null),
                null,
                k.get("team").asString(null),
                List.of(),
                List.of(),
                flags("CONTACT", List.of(), List.of(), null, practitionerFlags, k),
                k.get("source").isNull() ? null : "Referral source " + k.get("source").asString(),
                source(catalogue, k),
                null));
      }
      for (Value e : facts.events()) {
        if (!ownership.shows(e.get("owner").asString(null))) {
          continue;
        }
        List<String> needCodes = strings(e.get("needCodes"));
        List<ChronologyItem.Flag> sourceFlags = new ArrayList<>();
        String system = e.get("sourceSystem").asString("the source");
        if (e.get("traumatic").asBoolean(false)) {
          sourceFlags.add(
              new ChronologyItem.Flag(
                  "TRAUMATIC", "SOURCE", "Recorded as traumatic in " + system, null, null));
        }
        if (e.get("strength").asBoolean(false)) {
          sourceFlags.add(
              new ChronologyItem.Flag(
                  "STRENGTH", "SOURCE", "Recorded as a strength in " + system, null, null));
        }
        String kind = e.get("kind").asString();
        items.add(
            new ChronologyItem(
                e.get("id").asString(),
                ChronologyItem.Category.EVENT,
                kind,
                e.get("service").asString(),
                e.get("date").asLocalDate(),
                null,
                null,
                null,
                null,
                List.of(),
                needCodes,
                flags(kind, needCodes, List.of(), sourceFlags, practitionerFlags, e),
                e.get("detail").asString(null),
                source(catalogue, e),
                null));
      }
    }
    for (Value i : facts.involvements()) {
      if (!ownership.shows(i.get("owner").asString(null))) {
        continue;
      }
      List<String> needCodes = strings(i.get("needCodes"));
      List<String> categories = new ArrayList<>();
      for (String p : List.of("initialCategory", "latestCategory")) {
        if (!i.get(p).isNull()) {
          categories.add(i.get(p).asString());
        }
      }
      String kind = i.get("kind").asString();
      items.add(
          new ChronologyItem(
              i.get("id").asString(),
              ChronologyItem.Category.INVOLVEMENT,
              kind,
              i.get("service").asString(),
              i.get("start").asLocalDate(),
              i.get("end").isNull() ? null : i.get("end").asLocalDate(),
              null,
              i.get("closureReason").asString(null),
              i.get("team").asString(null),
              grant.full()
                  ? i.get("professionals").asList(ChronologyService::professional)
                  : List.of(),
              needCodes,
              flags(kind, needCodes, categories, null, practitionerFlags, i),
              null,
              source(catalogue, i),
              null));
    }
    return items.stream()
        .filter(
            item -> item.category() == ChronologyItem.Category.NOTE || grant.shows(item.service()))
        .toList();
  }

  private List<ChronologyItem.Flag> flags(
      String kind,
      List<String> needCodes,
      List<String> categories,
      List<ChronologyItem.Flag> fromSource,
      Map<String, List<ChronologyItem.Flag>> practitionerFlags,
      Value fact) {
    List<ChronologyItem.Flag> flags = new ArrayList<>();
    if (fromSource != null) {
      flags.addAll(fromSource);
    }
    for (ChronologyItem.Flag f : flagRules.flags(kind, needCodes, categories)) {
      if (flags.stream().noneMatch(x -> x.flag().equals(f.flag()))) {
        flags.add(f);
      }
    }
    flags.addAll(practitionerFlags.getOrDefault(fact.get("id").asString(), List.of()));
    return flags;
  }

  private static ChronologyItem.Professional professional(Value p) {
    return new ChronologyItem.Professional(
        p.get("id").asString(null),
        p.get("name").asString(null),
        p.get("role").asString(null),
        p.get("lead").isNull() ? null : p.get("lead").asBoolean(),
        p.get("from").isNull() ? null : p.get("from").asLocalDate(),
        p.get("to").isNull() ? null : p.get("to").asLocalDate());
  }

  private static Sources.Source source(Sources.Catalogue catalogue, Value fact) {
    String system = fact.get("sourceSystem").asString(null);
    return system == null
        ? null
        : catalogue
            .bySystem(system)
            .orElse(new Sources.Source(system, null, List.of(), null, null, null));
  }

  private static LocalDate contactDate(Value k) {
    if (!k.get("date").isNull()) {
      return k.get("date").asLocalDate();
    }
    Object received = k.get("receivedAt").asObject();
    if (received instanceof LocalDateTime t) {
      return t.toLocalDate();
    }
    if (received instanceof OffsetDateTime t) {
      return t.toLocalDate();
    }
    if (received instanceof ZonedDateTime t) {
      return t.toLocalDate();
    }
    return (LocalDate) received;
  }

  private static List<String> strings(Value v) {
    return v.isNull() ? List.of() : v.asList(Value::asString);
  }

  /** An opaque cursor: the item's date and id, base64url. */
  record Cursor(LocalDate date, String id) {
    static String of(ChronologyItem item) {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((item.date() + "|" + item.id()).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int bar = text.indexOf('|');
        return new Cursor(LocalDate.parse(text.substring(0, bar)), text.substring(bar + 1));
      } catch (RuntimeException e) {
        throw new org.childjourneys.InvalidInputException(
            "after", "not a cursor of this chronology");
      }
    }

    ChronologyItem probe() {
      return new ChronologyItem(
          id, null, null, null, date, null, null, null, null, List.of(), List.of(), List.of(), null,
          null, null);
    }
  }
}
