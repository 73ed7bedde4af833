package org.childjourneys.disclosure;

/**
 * Primary small-number suppression as the DfE publishes: a count from 1 to 5 could identify a
 * child, so it is withheld (null). Zero and counts of 6 or more are shown.
 */
public final class SmallNumbers {

  public static final int MAX_SUPPRESSED = 5;

  private SmallNumbers() {}

  public static Integer suppress(long count) {
    return count >= 1 && count <= MAX_SUPPRESSED ? null : Math.toIntExact(count);
  }
}
