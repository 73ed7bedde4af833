package org.childjourneys;

/**
 * Input the caller must fix, naming the argument or input field at fault; GraphQL answers it as a
 * BAD_REQUEST error with {@code extensions.field}.
 */
public class InvalidInputException extends IllegalArgumentException {

  private final String field;

  public InvalidInputException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
