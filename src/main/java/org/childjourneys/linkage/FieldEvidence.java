package org.childjourneys.linkage;

/**
 * How one field of two records compared: both values side by side, the agreement level and its
 * match weight (log2 of m/u: positive is evidence for the same person).
 */
public record FieldEvidence(
    String field, String incoming, String existing, String level, double weight) {

  /** A compact form for storing on a link: {@code field:LEVEL:+6.5}. */
  public String summary() {
    return field + ":" + level + ":" + String.format(java.util.Locale.ROOT, "%+.1f", weight);
  }
}
