package org.childjourneys.identifiers;

import java.util.SplittableRandom;

/**
 * The national child identifiers: NHS numbers (10 digits, mod-11 check digit) and UPNs (check
 * letter, LA number, establishment, year, serial). Validates them for the importers and makes
 * well-formed ones for the synthetic authority.
 */
public final class Identifiers {

  private static final String UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

  private Identifiers() {}

  /** A 10-digit NHS number with a valid check digit that is not a repeated-digit placeholder. */
  public static String nhsNumber(SplittableRandom random) {
    while (true) {
      // Synthetic numbers start with 9 (the range England reserves for test data).
      int[] d = new int[10];
      d[0] = 9;
      int sum = d[0] * 10;
      for (int i = 1; i < 9; i++) {
        d[i] = random.nextInt(10);
        sum += d[i] * (10 - i);
      }
      int check = 11 - (sum % 11);
      if (check == 10) {
        continue;
      }
      d[9] = check == 11 ? 0 : check;
      StringBuilder sb = new StringBuilder(10);
      for (int digit : d) {
        sb.append(digit);
      }
      return sb.toString();
    }
  }

  public static boolean isValidNhsNumber(String value) {
    if (value == null || !value.matches("\\d{10}") || value.chars().distinct().count() == 1) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (value.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 10) {
      return false;
    }
    return (check == 11 ? 0 : check) == value.charAt(9) - '0';
  }

  /**
   * A 13-character UPN: check letter, LA number, establishment number, two-digit year of allocation
   * and a serial.
   */
  public static String upn(String laNumber, int establishment, int year, int serial) {
    String body =
        laNumber + String.format("%04d%02d%03d", establishment % 10000, year % 100, serial % 1000);
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += (body.charAt(i) - '0') * (i + 2);
    }
    return UPN_CHECK_LETTERS.charAt(sum % 23) + body;
  }

  /**
   * Whether a UPN is well formed: 13 characters, a check letter that matches the 12 that follow (11
   * digits and a final digit or, for temporary UPNs, a letter).
   */
  public static boolean isValidUpn(String value) {
    if (value == null || !value.matches("[A-Z]\\d{11}[0-9A-Z]")) {
      return false;
    }
    int sum = 0;
    for (int i = 1; i < 13; i++) {
      char c = value.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : UPN_CHECK_LETTERS.indexOf(c);
      if (v < 0) {
        return false;
      }
      sum += v * (i + 1);
    }
    return UPN_CHECK_LETTERS.charAt(sum % 23) == value.charAt(0);
  }
}
