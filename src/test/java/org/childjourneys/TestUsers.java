package org.childjourneys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The built-in users as the tests configure them (src/test/resources/config). */
public final class TestUsers {

  private TestUsers() {}

  public static String password(String user) {
    return "test-" + user + "-password";
  }

  /** The value of an Authorization header signing in as the user. */
  public static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8));
  }
}
