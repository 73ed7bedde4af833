package org.childjourneys.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether an incoming child record is a child already known. First the rules that forbid
 * linking (adopted, restricted); then exact strong identifiers; then Fellegi-Sunter matching
 * against the candidates its blocks find, scored as a probability with prior odds of one in the
 * number of people known (at least 10,000: a local authority's children). Above the link threshold
 * it links, between the thresholds it goes to review, below it is a new person. Two different
 * people above the link threshold is ambiguous and goes to review.
 */
public final class Linker {

  private static final int MIN_POPULATION = 10_000;

  private final MatchModel model = new MatchModel();
  private final double linkAbove;
  private final double reviewAbove;

  public Linker(double linkAbove, double reviewAbove) {
    if (!(reviewAbove > 0 && reviewAbove <= linkAbove && linkAbove < 1)) {
      throw new IllegalArgumentException(
          "linkage thresholds must satisfy 0 < review-above <= link-above < 1, got review-above "
              + reviewAbove
              + " and link-above "
              + linkAbove);
    }
    this.linkAbove = linkAbove;
    this.reviewAbove = reviewAbove;
  }

  public double linkAbove() {
    return linkAbove;
  }

  public double reviewAbove() {
    return reviewAbove;
  }

  /**
   * The decision for a record against the index and, when given, the records decided earlier in the
   * same uncommitted batch.
   */
  public Decision decide(IndexedRecord in, PersonIndex index, PersonIndex pending) {
    LinkageRecord r = in.record;
    if (r.adopted()) {
      return Decision.newPerson(
          "an adopted child's record is never matched: pre- and post-adoption records stay apart");
    }
    if (r.restricted()) {
      return Decision.newPerson("a restricted record is never matched to another person");
    }
    Decision exact = exact(in, index, pending);
    if (exact != null) {
      return exact;
    }
    Map<String, Scored> best = new HashMap<>();
    score(in, index, index, pending, best);
    if (pending != null) {
      score(in, pending, index, pending, best);
    }
    Scored first = null;
    Scored second = null;
    Scored closestRefused = null;
    for (Scored s : best.values()) {
      if (s.comparison.neverLink()) {
        if (closestRefused == null || s.probability > closestRefused.probability) {
          closestRefused = s;
        }
        continue;
      }
      if (first == null || s.rank() > first.rank()) {
        second = first;
        first = s;
      } else if (second == null || s.rank() > second.rank()) {
        second = s;
      }
    }
    if (first == null || first.probability < reviewAbove) {
      // Say why, with the closest candidate's evidence, so a missed link can be understood.
      Scored closest = first != null ? first : closestRefused;
      String why =
          first != null
              ? "best candidate below the review threshold"
              : closestRefused != null
                  ? closestRefused.comparison.cap()
                  : "no candidate shares a block";
      return closest == null
          ? Decision.newPerson(why)
          : new Decision(
              Decision.Outcome.NEW,
              null,
              closest.recordId,
              closest.probability,
              "NEW_PERSON",
              closest.comparison.evidence(),
              why,
              null);
    }
    String reason = first.comparison.cap();
    if (reason == null && first.probability >= linkAbove) {
      // A second person above the threshold is usually the same child recorded twice: link to
      // the closer one and ask a reviewer whether the two people are one.
      boolean twoFit =
          second != null && second.comparison.cap() == null && second.probability >= linkAbove;
      return new Decision(
          Decision.Outcome.LINK,
          first.personId,
          first.recordId,
          first.probability,
          "PROBABILISTIC",
          first.comparison.evidence(),
          twoFit ? "another person also matches above the link threshold" : null,
          twoFit ? second.personId : null);
    }
    return new Decision(
        Decision.Outcome.REVIEW,
        first.personId,
        first.recordId,
        first.probability,
        "PROBABILISTIC",
        first.comparison.evidence(),
        reason == null ? "between the review and link thresholds" : reason,
        null);
  }

  private Decision exact(IndexedRecord in, PersonIndex index, PersonIndex pending) {
    String byNhs = personOf(index, pending, "NHS", in.record.nhsNumber());
    String byUpn = personOf(index, pending, "UPN", in.record.upn());
    if (byNhs == null && byUpn == null) {
      return null;
    }
    if (byNhs != null && byUpn != null && !byNhs.equals(byUpn)) {
      // Usually one child whose earlier records became two people; the NHS number decides, and the
      // importer queues the two people for review.
      return new Decision(
          Decision.Outcome.LINK,
          byNhs,
          null,
          1.0,
          "EXACT_IDENTIFIER_CONFLICT",
          List.of(),
          "the UPN belongs to another person",
          byUpn);
    }
    return new Decision(
        Decision.Outcome.LINK,
        byNhs != null ? byNhs : byUpn,
        null,
        1.0,
        "EXACT_IDENTIFIER",
        List.of(),
        null,
        null);
  }

  private static String personOf(
      PersonIndex index, PersonIndex pending, String scheme, String value) {
    String p = index.personOf(scheme, value);
    if (p == null && pending != null) {
      p = pending.personOf(scheme, value);
    }
    return p;
  }

  private void score(
      IndexedRecord in,
      PersonIndex searched,
      PersonIndex index,
      PersonIndex pending,
      Map<String, Scored> best) {
    int population = index.persons() + (pending == null ? 0 : pending.persons());
    double priorLogOdds = -Math.log(Math.max(population, MIN_POPULATION)) / Math.log(2);
    Map<String, List<MatchModel.Comparison>> byPerson = new HashMap<>();
    Map<String, String> closestRecord = new HashMap<>();
    Map<String, Double> closestWeight = new HashMap<>();
    for (IndexedRecord candidate : searched.candidates(in)) {
      String person = candidate.personId;
      if (index.isProtected(person) || (pending != null && pending.isProtected(person))) {
        continue; // never matched into an adopted or restricted child
      }
      MatchModel.Comparison c = model.compare(in, candidate, index);
      byPerson.computeIfAbsent(person, k -> new java.util.ArrayList<>()).add(c);
      if (c.weight() > closestWeight.getOrDefault(person, Double.NEGATIVE_INFINITY)) {
        closestWeight.put(person, c.weight());
        closestRecord.put(person, candidate.record.id());
      }
    }
    byPerson.forEach(
        (person, comparisons) -> {
          MatchModel.Comparison c = MatchModel.combine(comparisons);
          double probability = 1 / (1 + Math.pow(2, -(c.weight() + priorLogOdds)));
          Scored scored = new Scored(person, closestRecord.get(person), probability, c);
          Scored held = best.get(person);
          if (held == null || scored.rank() > held.rank()) {
            best.put(person, scored);
          }
        });
  }

  private record Scored(
      String personId, String recordId, double probability, MatchModel.Comparison comparison) {

    /** Never-link comparisons rank last, capped ones next, then by probability. */
    double rank() {
      return comparison.neverLink() ? -2 : comparison.cap() != null ? probability - 1 : probability;
    }
  }
}
