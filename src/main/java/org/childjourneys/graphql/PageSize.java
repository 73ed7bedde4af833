package org.childjourneys.graphql;

import org.childjourneys.InvalidInputException;

/**
 * The largest page any list argument ({@code first}, {@code last}) may ask for, and the check every
 * controller uses. One number for the whole API: clients can rely on it, and the complexity limit
 * ({@link PagedComplexity}) is sized so that a full page of a triage query fits.
 */
public final class PageSize {

  public static final int MAX = 100;

  private PageSize() {}

  /**
   * The page size asked for in argument {@code argument}, when it is from 1 to {@link #MAX}.
   *
   * @throws InvalidInputException naming the argument, the range and the value otherwise
   */
  public static int check(String argument, Integer value) {
    if (value == null || value < 1 || value > MAX) {
      throw new InvalidInputException(argument, "from 1 to " + MAX + ", was " + value);
    }
    return value;
  }
}
