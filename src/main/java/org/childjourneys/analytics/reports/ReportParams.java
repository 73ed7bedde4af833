package org.childjourneys.analytics.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.childjourneys.InvalidInputException;
import org.childjourneys.analytics.PathwaysService;

/**
 * A report's query parameters, read as the GraphQL arguments are: each mistake is an {@link
 * InvalidInputException} naming the parameter. The services check the rest (from before to, unknown
 * service or outcome, minSupport and first in range) exactly as for GraphQL.
 */
final class ReportParams {

  private ReportParams() {}

  static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(name, "required, a date as yyyy-mm-dd");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name, "a date as yyyy-mm-dd, was '" + shorten(value) + "'");
    }
  }

  static int whole(String name, String value, int otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "a whole number, was '" + shorten(value) + "'");
    }
  }

  static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(name, "required");
    }
    return value.strip();
  }

  static String optional(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A comma-separated list (services=SOCIAL_CARE,EARLY_HELP); null when absent. */
  static List<String> list(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    List<String> items = new ArrayList<>();
    for (String s : value.split(",")) {
      if (!s.isBlank()) {
        items.add(s.strip());
      }
    }
    return items;
  }

  static PathwaysService.StepBy by(String value) {
    if (value == null || value.isBlank()) {
      return PathwaysService.StepBy.KIND;
    }
    try {
      return PathwaysService.StepBy.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("by", "KIND or SERVICE, was '" + shorten(value) + "'");
    }
  }

  /** A caller's value quoted back in an error, cut short. */
  static String shorten(String value) {
    String s = value.strip();
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
