package org.childjourneys.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childjourneys.identifiers.Identifiers;

/**
 * One source record being validated field by field. A bad required field makes the record broken
 * (rejected whole); a bad optional field is dropped and reported while the record still loads.
 */
final class SourceRow {

  static final DateTimeFormatter UK_DATE =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  final String file;
  final String location;
  private final Map<String, String> values;
  private final LocalDate referenceDate;
  private final int collectionYear;
  final List<Rejection> problems = new ArrayList<>();
  private boolean broken;

  SourceRow(
      String file,
      String location,
      Map<String, String> values,
      LocalDate referenceDate,
      int collectionYear) {
    this.file = file;
    this.location = location;
    this.values = values;
    this.referenceDate = referenceDate;
    this.collectionYear = collectionYear;
  }

  LocalDate referenceDate() {
    return referenceDate;
  }

  int collectionYear() {
    return collectionYear;
  }

  Staged.Src src() {
    return new Staged.Src(file, location);
  }

  boolean broken() {
    return broken;
  }

  /** The trimmed value, or null when absent or blank. */
  String text(String field) {
    String v = values.get(field);
    return v == null || v.isBlank() ? null : v.strip();
  }

  String required(String field) {
    String v = text(field);
    if (v == null) {
      problem(field, null, "required value is missing", true);
    }
    return v;
  }

  /** A dd/mm/yyyy date, not after the extract's reference date. */
  LocalDate ukDate(String field, boolean required) {
    return date(field, required, UK_DATE, "dd/mm/yyyy");
  }

  /** An ISO yyyy-mm-dd date (XML), not after the extract's reference date. */
  LocalDate isoDate(String field, boolean required) {
    return date(field, required, DateTimeFormatter.ISO_LOCAL_DATE, "yyyy-mm-dd");
  }

  /** A date written either way (dd/mm/yyyy or yyyy-mm-dd), not after the reference date. */
  LocalDate anyDate(String field, boolean required) {
    String v = text(field);
    return v != null && v.contains("/") ? ukDate(field, required) : isoDate(field, required);
  }

  private LocalDate date(String field, boolean required, DateTimeFormatter format, String pattern) {
    String v = text(field);
    if (v == null) {
      if (required) {
        problem(field, null, "required date is missing", true);
      }
      return null;
    }
    LocalDate d;
    try {
      d = LocalDate.parse(v, format);
    } catch (DateTimeParseException e) {
      problem(field, v, "not a valid date (expected " + pattern + ")", required);
      return null;
    }
    if (referenceDate != null && d.isAfter(referenceDate)) {
      problem(field, v, "date is after the extract's reference date " + referenceDate, required);
      return null;
    }
    return d;
  }

  /** A code from a statutory list, valid in this collection year. */
  String code(String field, String list, boolean required) {
    String v = text(field);
    if (v == null) {
      if (required) {
        problem(field, null, "required code is missing", true);
      }
      return null;
    }
    String normalised = v.toUpperCase(java.util.Locale.ROOT);
    if (!CodeLists.valid(list, normalised, collectionYear)) {
      problem(field, v, CodeLists.unknown(list, normalised, collectionYear), required);
      return null;
    }
    return normalised;
  }

  /** An NHS number: ten digits with a valid check digit, not a placeholder such as 0000000000. */
  String nhsNumber(String field) {
    String v = text(field);
    if (v == null) {
      return null;
    }
    String digits = v.replace(" ", "");
    if (!Identifiers.isValidNhsNumber(digits)) {
      problem(
          field,
          v,
          digits.matches("(\\d)\\1{9}")
              ? "placeholder NHS number (repeated digit), not an identifier"
              : "not a valid NHS number (10 digits with a mod-11 check digit)",
          false);
      return null;
    }
    return digits;
  }

  /** A UPN with a valid check letter; UPNunknown codes (UN1-UN10) are not UPNs. */
  String upn(String field) {
    String v = text(field);
    if (v == null) {
      return null;
    }
    String upper = v.toUpperCase(java.util.Locale.ROOT);
    if (upper.matches("UN\\d{1,2}")) {
      problem(field, v, "a UPNunknown code is not a UPN", false);
      return null;
    }
    if (!Identifiers.isValidUpn(upper)) {
      problem(field, v, "not a valid UPN (check letter, 11 digits, final character)", false);
      return null;
    }
    return upper;
  }

  Integer integer(String field, int min, int max) {
    String v = text(field);
    if (v == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(field, v, "not a whole number from " + min + " to " + max, false);
    return null;
  }

  Boolean flag(String field) {
    String v = text(field);
    if (v == null) {
      return null;
    }
    return switch (v.toUpperCase(java.util.Locale.ROOT)) {
      case "1", "Y", "YES", "TRUE" -> true;
      case "0", "N", "NO", "FALSE" -> false;
      default -> {
        problem(field, v, "not a yes/no value (1/0, Y/N, true/false)", false);
        yield null;
      }
    };
  }

  /** Reports a problem; a required field's problem breaks the whole record. */
  void problem(String field, String value, String reason, boolean breaks) {
    problems.add(new Rejection(file, location, field, value, reason));
    broken |= breaks;
  }

  /**
   * Whether a CSV record has a different number of values than the header has columns; such a row
   * is rejected whole (its values shown as read), as every CSV importer does.
   */
  static boolean rejectedAsBroken(
      ImportRun run, String file, org.apache.commons.csv.CSVRecord record, int columns) {
    if (record.isConsistent()) {
      return false;
    }
    run.rejectRecord(
        file,
        "row " + (record.getRecordNumber() + 1),
        null,
        String.join(",", record.toList()),
        "broken row: " + record.size() + " values for " + columns + " columns");
    return true;
  }

  /** Sends the problems to the run: the record as a whole if broken, else field by field. */
  boolean report(ImportRun run) {
    for (int i = 0; i < problems.size(); i++) {
      Rejection r = problems.get(i);
      String reason = broken && i == 0 ? r.reason() + "; record not loaded" : r.reason();
      if (broken && i == 0) {
        run.rejectRecord(r.file(), r.location(), r.field(), r.value(), reason);
      } else {
        run.reject(r.file(), r.location(), r.field(), r.value(), reason);
      }
    }
    return !broken;
  }
}
