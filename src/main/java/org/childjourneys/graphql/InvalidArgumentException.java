package org.childjourneys.graphql;

/**
 * A GraphQL argument the caller must fix; the error names it in {@code extensions.argument} so a
 * client can show it beside the right input.
 */
public class InvalidArgumentException extends IllegalArgumentException {

  private final String argument;

  public InvalidArgumentException(String argument, String message) {
    super(message);
    this.argument = argument;
  }

  public String argument() {
    return argument;
  }
}
