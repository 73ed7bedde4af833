package org.childjourneys.linkage;

import java.util.List;

/**
 * What the linker decided for one incoming record.
 *
 * @param outcome linked automatically, sent to review, or a new person
 * @param personId the person linked to (LINK), or the best candidate (REVIEW); null for NEW
 * @param candidateRecordId the candidate's record the evidence compares with, when matched
 * @param score the match probability of the best candidate, 0-1 (1 for an exact identifier)
 * @param method how: {@code EXACT_IDENTIFIER}, {@code PROBABILISTIC} or {@code NEW_PERSON}
 * @param evidence how each field compared with the best candidate's closest record
 * @param reason why review (or why not linked), in words
 * @param alsoReview another person this record's person may be the same child as (a linked record
 *     whose identifiers or names also fit them), for the review queue; or null
 */
public record Decision(
    Outcome outcome,
    String personId,
    String candidateRecordId,
    double score,
    String method,
    List<FieldEvidence> evidence,
    String reason,
    String alsoReview) {

  public enum Outcome {
    LINK,
    REVIEW,
    NEW
  }

  static Decision newPerson(String reason) {
    return new Decision(Outcome.NEW, null, null, 0, "NEW_PERSON", List.of(), reason, null);
  }

  /** The evidence in its compact stored form ({@code field:LEVEL:+w}). */
  public List<String> evidenceSummary() {
    return evidence.stream().map(FieldEvidence::summary).toList();
  }
}
