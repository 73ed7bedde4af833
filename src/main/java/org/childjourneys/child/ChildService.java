package org.childjourneys.child;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.childjourneys.neo4j.ReadQueries;
import org.childjourneys.security.AccessPolicy;
import org.childjourneys.security.Actor;
import org.childjourneys.security.AuditBatch;
import org.childjourneys.security.AuditTrail;
import org.childjourneys.security.ChildAccessFacts;
import org.childjourneys.security.Grant;
import org.childjourneys.security.Purpose;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/** Reads children's records through the access policy; every read goes into the audit batch. */
@Service
public class ChildService {

  private final ReadQueries reads;
  private final AccessPolicy policy;

  ChildService(ReadQueries reads, AccessPolicy policy) {
    this.reads = reads;
    this.policy = policy;
  }

  /** A candidate child as read, before the access decision. */
  record Candidate(Value child, ChildAccessFacts facts) {}

  /**
   * The child for this actor and purpose, or empty when there is none or the rules refuse it (the
   * two look the same to the caller; the audit trail tells them apart).
   */
  public Optional<ChildView> read(
      Actor actor, Purpose purpose, String id, String what, AuditBatch audit) {
    return Optional.ofNullable(read(actor, purpose, List.of(id), what, audit).get(0));
  }

  /**
   * Several children by id, in the order asked, each null when missing or refused; one query for
   * all of them, one audit entry each.
   */
  public List<ChildView> read(
      Actor actor, Purpose purpose, List<String> ids, String what, AuditBatch audit) {
    Map<String, Candidate> found = new HashMap<>();
    for (Candidate c : candidates(ids, actor)) {
      found.put(c.facts().childId(), c);
    }
    List<ChildView> views = new ArrayList<>();
    for (String id : ids) {
      Candidate candidate = found.get(id);
      Optional<ChildView> view =
          candidate == null ? Optional.empty() : decide(actor, purpose, candidate);
      boolean allowed = candidate == null ? policy.mayReadRecord(actor, purpose) : view.isPresent();
      audit.add(
          new AuditTrail.Access(
              actor,
              purpose,
              "READ",
              id,
              withOwners(what, candidate, view),
              allowed,
              view.isPresent()));
      views.add(view.orElse(null));
    }
    return views;
  }

  /** A quality-assurance sample: how many children the cohort has, and the sample read. */
  record AuditSample(int cohortSize, List<ChildView> children) {}

  /**
   * A random sample, repeatable by seed, of the children with an involvement of this kind open on
   * the date (and with this team, if given), each read for the purpose and audited. Children the
   * rules refuse (restricted records) are left out of the sample.
   */
  public AuditSample auditSample(
      Actor actor,
      Purpose purpose,
      String kind,
      java.time.LocalDate openOn,
      String teamId,
      int size,
      long seed,
      AuditBatch audit) {
    if (!policy.mayReadRecord(actor, purpose)) {
      throw new org.springframework.security.access.AccessDeniedException(
          "Audit samples are for roles that audit case files");
    }
    Map<String, Object> params = new HashMap<>();
    params.put("kind", kind);
    params.put("openOn", openOn);
    params.put("teamId", teamId);
    List<String> cohort =
        new ArrayList<>(reads.list("child/audit-cohort", params, r -> r.get("id").asString()));
    java.util.Collections.shuffle(cohort, new java.util.Random(seed));
    List<String> sample = cohort.subList(0, Math.min(size, cohort.size()));
    List<ChildView> read =
        sample.isEmpty()
            ? List.of()
            : read(actor, purpose, sample, "audit sample of " + kind + " open on " + openOn, audit);
    return new AuditSample(
        cohort.size(), read.stream().filter(java.util.Objects::nonNull).toList());
  }

  /** A search hit: the child, its rank score and why it matched. */
  record Match(ChildView child, double score, List<String> matchedOn) {}

  /**
   * Children matching the search that this actor may read for this purpose, best first. Children
   * the rules refuse are left out as if they did not exist; every hit and every refusal is audited.
   */
  public List<Match> search(
      Actor actor, Purpose purpose, ChildSearch search, int first, AuditBatch audit) {
    if (!policy.mayReadRecord(actor, purpose)) {
      audit.add(new AuditTrail.Access(actor, purpose, "SEARCH", null, "search", false, false));
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("nameQuery", search.nameQuery());
    params.put("birthDate", search.birthDate());
    params.put("postcode", search.postcode());
    params.put("identifiers", search.identifierForms());
    params.put("limit", first * 3);
    params.put("team", actor.team());
    params.putAll(policy.authorityParameters(actor));
    List<Match> matches = new ArrayList<>();
    for (org.neo4j.driver.Record r : reads.list("child/search", params, record -> record)) {
      Candidate candidate = candidate(r.get("child"), r);
      String id = candidate.facts().childId();
      Optional<ChildView> view =
          matches.size() < first ? decide(actor, purpose, candidate) : Optional.empty();
      if (view.isPresent()) {
        matches.add(new Match(view.get(), r.get("rank").asDouble(), matchedOn(search, r)));
        audit.add(
            new AuditTrail.Access(
                actor, purpose, "READ", id, withOwners("search hit", candidate, view), true, true));
      } else if (matches.size() < first) {
        audit.add(new AuditTrail.Access(actor, purpose, "READ", id, "search hit", false, false));
      }
    }
    return matches;
  }

  private static List<String> matchedOn(ChildSearch search, org.neo4j.driver.Record r) {
    List<String> why = new ArrayList<>();
    if (r.get("identifierMatch").asBoolean()) {
      why.add("IDENTIFIER");
    }
    if (r.get("nameScore").asDouble() > 0) {
      Value child = r.get("child");
      why.add(
          search.nameMatch(
              child.get("givenName").asString(null), child.get("familyName").asString(null)));
    }
    if (r.get("birthDateMatch").asBoolean()) {
      why.add("BIRTH_DATE");
    }
    if (r.get("postcodeMatch").asBoolean()) {
      why.add("POSTCODE");
    }
    return why;
  }

  /**
   * What the audit entry says was read, naming the other authorities whose records the child has
   * and whether the read showed them (docs/security.md, "Several authorities in one graph").
   */
  static String withOwners(String what, Candidate candidate, Optional<ChildView> view) {
    if (candidate == null || view.isEmpty()) {
      return what;
    }
    Grant.Ownership ownership = view.get().grant().ownership();
    List<String> others =
        candidate.facts().owners().stream()
            .map(ownership::owner)
            .filter(o -> !o.equals(ownership.reader()))
            .distinct()
            .sorted()
            .toList();
    if (others.isEmpty()) {
      return what;
    }
    return what
        + "; records held by "
        + String.join(", ", others)
        + (ownership.sharedAcross() ? " shown" : " withheld");
  }

  Optional<ChildView> decide(Actor actor, Purpose purpose, Candidate candidate) {
    Optional<Grant> grant = policy.decide(actor, purpose, candidate.facts());
    return grant.map(g -> ChildView.from(candidate.child(), g));
  }

  List<Candidate> candidates(List<String> ids, Actor actor) {
    Map<String, Object> params = new HashMap<>();
    params.put("ids", ids);
    params.put("team", actor.team());
    params.putAll(policy.authorityParameters(actor));
    return new ArrayList<>(
        reads.list("child/children-by-id", params, r -> candidate(r.get("child"), r)));
  }

  static Candidate candidate(Value child, org.neo4j.driver.Record r) {
    return new Candidate(child, ChildAccessFacts.from(child.get("id").asString(), r));
  }

  /**
   * Each child's source records; a grant for outcomes only shows none, and another authority's
   * records show only for the cross-authority purposes.
   */
  public Map<ChildView, List<ChildView.PersonRecordView>> records(Collection<ChildView> children) {
    List<String> ids = children.stream().filter(c -> c.grant().full()).map(ChildView::id).toList();
    Map<String, List<Value>> byId = new HashMap<>();
    if (!ids.isEmpty()) {
      reads
          .list(
              "child/records",
              Map.of("ids", ids),
              r -> Map.entry(r.get("childId").asString(), r.get("records").asList(v -> v)))
          .forEach(e -> byId.put(e.getKey(), e.getValue()));
    }
    Map<ChildView, List<ChildView.PersonRecordView>> result = new HashMap<>();
    for (ChildView c : children) {
      result.put(
          c,
          byId.getOrDefault(c.id(), List.of()).stream()
              .filter(v -> c.grant().ownership().shows(v.get("owner").asString(null)))
              .map(ChildView.PersonRecordView::from)
              .toList());
    }
    return result;
  }
}
