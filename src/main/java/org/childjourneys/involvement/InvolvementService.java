package org.childjourneys.involvement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Who is in touch with a child, and their family network, as of a date, as the grant allows (the
 * sharing rules per service; other local authorities' records only for the cross-authority
 * purposes).
 */
@Service
class InvolvementService {

  private final ReadQueries reads;
  private final Sources sources;

  InvolvementService(ReadQueries reads, Sources sources) {
    this.reads = reads;
    this.sources = sources;
  }

  public Map<String, InvolvementFacts> involvements(Collection<String> ids) {
    Sources.Catalogue catalogue = sources.catalogue();
    Map<String, InvolvementFacts> byId = new HashMap<>();
    reads
        .list(
            "involvement/in-touch",
            Map.of("ids", List.copyOf(ids)),
            r ->
                new InvolvementFacts(
                    r.get("childId").asString(),
                    r.get("involvements").asList(v -> v),
                    r.get("confirmations").asList(v -> v),
                    catalogue))
        .forEach(f -> byId.put(f.childId(), f));
    ids.forEach(
        id -> byId.putIfAbsent(id, new InvolvementFacts(id, List.of(), List.of(), catalogue)));
    return byId;
  }

  public Map<String, FamilyFacts> families(Collection<String> ids) {
    Sources.Catalogue catalogue = sources.catalogue();
    Map<String, FamilyFacts> byId = new HashMap<>();
    reads
        .list(
            "involvement/family",
            Map.of("ids", List.copyOf(ids)),
            r ->
                new FamilyFacts(
                    r.get("childId").asString(),
                    r.get("adults").asList(v -> v),
                    r.get("siblings").asList(v -> v),
                    r.get("household").asList(v -> v),
                    catalogue))
        .forEach(f -> byId.put(f.childId(), f));
    ids.forEach(
        id ->
            byId.putIfAbsent(id, new FamilyFacts(id, List.of(), List.of(), List.of(), catalogue)));
    return byId;
  }

  InTouch inTouch(GrantedChild child, InvolvementFacts facts, LocalDate asOfOrNull) {
    Grant grant = child.grant();
    LocalDate asOf = asOfOrNull != null ? asOfOrNull : facts.catalogue().referenceDate();
    Map<String, InTouch.Confirmation> confirmed = new HashMap<>();
    for (Value c : facts.confirmations()) {
      confirmed.put(
          c.get("professionalId").asString(),
          new InTouch.Confirmation(
              c.get("email").asString(null),
              c.get("phone").asString(null),
              c.get("by").asString(),
              c.get("at").asOffsetDateTime()));
    }
    List<InTouch.ServiceInvolvement> now = new ArrayList<>();
    List<InTouch.ServiceInvolvement> previously = new ArrayList<>();
    // service -> the other authorities whose involvements of it this purpose does not open
    Map<String, java.util.SortedSet<String>> otherAuthorities = new java.util.TreeMap<>();
    Grant.Ownership ownership = grant.ownership();
    for (Value i : facts.involvements()) {
      String service = i.get("service").asString();
      LocalDate start = i.get("start").asLocalDate();
      LocalDate end = date(i.get("end"));
      if (!grant.shows(service) || start.isAfter(asOf)) {
        continue;
      }
      String owner = i.get("owner").asString(null);
      if (!ownership.shows(owner)) {
        otherAuthorities
            .computeIfAbsent(service, k -> new java.util.TreeSet<>())
            .add(ownership.owner(owner));
        continue;
      }
      boolean open = end == null || end.isAfter(asOf);
      List<InTouch.ProfessionalContact> professionals = new ArrayList<>();
      if (grant.full()) {
        for (Value p : i.get("professionals").asList(v -> v)) {
          LocalDate from = date(p.get("from"));
          LocalDate to = date(p.get("to"));
          boolean current =
              (from == null || !from.isAfter(asOf)) && (to == null || to.isAfter(asOf));
          if (open && !current) {
            continue; // in touch now means the professionals allocated now
          }
          if (from != null && from.isAfter(asOf)) {
            continue;
          }
          String id = p.get("id").asString(null);
          professionals.add(
              new InTouch.ProfessionalContact(
                  id,
                  p.get("name").asString(null),
                  p.get("role").asString(null),
                  p.get("team").asString(null),
                  p.get("organisation").asString(null),
                  p.get("email").asString(null),
                  p.get("phone").asString(null),
                  p.get("lead").isNull() ? null : p.get("lead").asBoolean(),
                  from,
                  to,
                  id == null ? null : confirmed.get(id)));
        }
      }
      Value t = i.get("team");
      InTouch.ServiceInvolvement involvement =
          new InTouch.ServiceInvolvement(
              i.get("id").asString(),
              i.get("kind").asString(),
              service,
              start,
              end,
              i.get("closureReason").asString(null),
              source(facts.catalogue(), i.get("sourceSystem").asString(null)),
              t.isNull() || t.get("id").isNull()
                  ? null
                  : new InTouch.TeamContact(
                      t.get("id").asString(),
                      t.get("name").asString(null),
                      grant.full() ? t.get("email").asString(null) : null,
                      grant.full() ? t.get("phone").asString(null) : null,
                      t.get("organisation").asString(null)),
              professionals);
      (open ? now : previously).add(involvement);
    }
    Comparator<InTouch.ServiceInvolvement> newestFirst =
        Comparator.comparing(InTouch.ServiceInvolvement::start)
            .reversed()
            .thenComparing(InTouch.ServiceInvolvement::id);
    now.sort(newestFirst);
    previously.sort(
        Comparator.comparing(InTouch.ServiceInvolvement::end)
            .reversed()
            .thenComparing(InTouch.ServiceInvolvement::id));
    return new InTouch(
        asOf, now, previously, coverage(grant, facts.catalogue(), now, asOf, otherAuthorities));
  }

  private static List<InTouch.ServiceCoverage> coverage(
      Grant grant,
      Sources.Catalogue catalogue,
      List<InTouch.ServiceInvolvement> now,
      LocalDate asOf,
      Map<String, java.util.SortedSet<String>> otherAuthorities) {
    List<InTouch.ServiceCoverage> coverage = new ArrayList<>();
    for (String service : SharingRules.SERVICES) {
      List<Sources.Source> recording = catalogue.forService(service);
      SharingRules.Decision withheld = grant.withheld(service);
      if (withheld != null) {
        coverage.add(
            new InTouch.ServiceCoverage(
                service,
                null,
                recording,
                "Not shown for this purpose: "
                    + withheld.reason()
                    + (withheld.access() == SharingRules.Access.CONSENT
                        ? " (no consent recorded)"
                        : "")));
        continue;
      }
      boolean inTouch = now.stream().anyMatch(i -> i.service().equals(service));
      java.util.SortedSet<String> others = otherAuthorities.get(service);
      if (others != null) {
        // Another authority's involvements are not shown: in touch only when one's own is open,
        // otherwise unknown to this reader (not "not in touch").
        String reasons =
            String.join("; ", others.stream().map(o -> grant.ownership().reason(o)).toList());
        coverage.add(
            new InTouch.ServiceCoverage(
                service,
                inTouch ? Boolean.TRUE : null,
                recording,
                (inTouch ? "In touch on " + asOf + ". " : "")
                    + "Not shown for this purpose: "
                    + reasons));
        continue;
      }
      coverage.add(
          new InTouch.ServiceCoverage(
              service, inTouch, recording, note(service, inTouch, recording, asOf)));
    }
    return coverage;
  }

  static String note(
      String service, boolean inTouch, List<Sources.Source> recording, LocalDate asOf) {
    if (inTouch) {
      return "In touch on " + asOf + ".";
    }
    if (recording.isEmpty()) {
      return "No source recording "
          + service
          + " is loaded: no record here is not evidence of no involvement.";
    }
    StringBuilder note = new StringBuilder("No open " + service + " involvement in ");
    for (int k = 0; k < recording.size(); k++) {
      Sources.Source s = recording.get(k);
      note.append(k == 0 ? "" : "; ")
          .append(s.system())
          .append(" (covers ")
          .append(s.coveredFrom() == null ? "?" : s.coveredFrom())
          .append(" to ")
          .append(s.coveredTo() == null ? "?" : s.coveredTo())
          .append(s.asAt() == null ? "" : ", as at " + s.asAt())
          .append(")");
    }
    boolean covered =
        recording.stream()
            .anyMatch(
                s ->
                    (s.coveredFrom() == null || !s.coveredFrom().isAfter(asOf))
                        && (s.coveredTo() == null || !s.coveredTo().isBefore(asOf)));
    note.append(
        covered
            ? ". Nothing is known outside those periods."
            : ". No loaded source covers "
                + asOf
                + ": no record is not evidence of no involvement.");
    return note.toString();
  }

  List<FamilyMember> family(GrantedChild child, FamilyFacts facts, LocalDate asOfOrNull) {
    Grant grant = child.grant();
    if (!grant.full()) {
      return List.of();
    }
    LocalDate asOf = asOfOrNull != null ? asOfOrNull : facts.catalogue().referenceDate();
    Map<String, Value> householdNow = new HashMap<>();
    for (Value m : facts.household()) {
      if (during(m.get("from"), m.get("to"), asOf)
          && during(m.get("childFrom"), m.get("childTo"), asOf)) {
        householdNow.put(m.get("id").asString(), m);
      }
    }
    Map<String, FamilyMember> members = new LinkedHashMap<>();
    for (Value a : facts.adults()) {
      if (during(a.get("from"), a.get("to"), asOf)) {
        add(members, a, a.get("relationship").asString("PARENT"), false, householdNow, grant, asOf);
      }
    }
    for (Value s : facts.siblings()) {
      LocalDate born = date(s.get("birthDate"));
      if (born == null || !born.isAfter(asOf)) {
        add(members, s, "SIBLING", true, householdNow, grant, asOf);
      }
    }
    for (Value h : householdNow.values()) {
      add(
          members,
          h,
          "HOUSEHOLD_MEMBER",
          h.get("isChild").asBoolean(false),
          householdNow,
          grant,
          asOf);
    }
    return List.copyOf(members.values());
  }

  private static void add(
      Map<String, FamilyMember> members,
      Value person,
      String relationship,
      boolean isChild,
      Map<String, Value> householdNow,
      Grant grant,
      LocalDate asOf) {
    String id = person.get("id").asString();
    if (members.containsKey(id) || person.get("restricted").asBoolean(false)) {
      return; // a restricted relative (refuge, adoption) is left out of others' records
    }
    if (person.containsKey("owner")
        && !grant.ownership().shows(person.get("owner").asString(null))) {
      return; // a relationship another authority recorded, not opened by this purpose
    }
    List<FamilyMember.Involvement> open = new ArrayList<>();
    for (Value i : person.get("involvements").asList(v -> v)) {
      LocalDate start = i.get("start").asLocalDate();
      LocalDate end = date(i.get("end"));
      String service = i.get("service").asString();
      if (grant.sharesWithoutConsent(service)
          && grant.ownership().shows(i.get("owner").asString(null))
          && !start.isAfter(asOf)
          && (end == null || end.isAfter(asOf))) {
        open.add(
            new FamilyMember.Involvement(
                i.get("kind").asString(), service, start, end, i.get("team").asString(null)));
      }
    }
    open.sort(Comparator.comparing(FamilyMember.Involvement::start).reversed());
    members.put(
        id,
        new FamilyMember(
            id,
            person.get("givenName").asString(null),
            person.get("familyName").asString(null),
            date(person.get("birthDate")),
            relationship,
            person.get("parentalResponsibility").isNull()
                ? null
                : person.get("parentalResponsibility").asBoolean(),
            date(person.get("from")),
            date(person.get("to")),
            householdNow.containsKey(id),
            isChild,
            open));
  }

  private static boolean during(Value from, Value to, LocalDate asOf) {
    return (from.isNull() || !from.asLocalDate().isAfter(asOf))
        && (to.isNull() || to.asLocalDate().isAfter(asOf));
  }

  private static Sources.Source source(Sources.Catalogue catalogue, String system) {
    return system == null
        ? null
        : catalogue
            .bySystem(system)
            .orElse(new Sources.Source(system, null, List.of(), null, null, null));
  }

  private static LocalDate date(Value v) {
    return v.isNull() ? null : v.asLocalDate();
  }
}
