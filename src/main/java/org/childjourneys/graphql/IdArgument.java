package org.childjourneys.graphql;

import org.childjourneys.InvalidInputException;

/**
 * The check every ID argument passes: ids are short codes, and a very long one can be neither found
 * nor written to the audit trail's index (Neo4j refuses index keys of several kilobytes), so it is
 * refused as the caller's error instead of failing inside.
 */
public final class IdArgument {

  public static final int MAX_LENGTH = 200;

  private IdArgument() {}

  /**
   * @throws InvalidInputException naming the argument when the id is longer than {@link
   *     #MAX_LENGTH}
   */
  public static String check(String argument, String value) {
    if (value != null && value.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          argument, "at most " + MAX_LENGTH + " characters, was " + value.length());
    }
    return value;
  }
}
