package org.childjourneys.analytics.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.childjourneys.InvalidInputException;

/**
 * One table of a report as CSV (RFC 4180, UTF-8, header row): a file per table, chosen with {@code
 * table=}, so each file has one set of columns; {@code table=method} is the method note. Numbers
 * are written in full (no rounding, no thousands separators, shares as fractions), withheld values
 * as {@code [c]}, values that do not apply as {@code [z]}. Text that a spreadsheet would take for a
 * formula (a saved cohort's name, say, beginning with {@code =}) is prefixed with {@code '}.
 */
final class CsvReport {

  static final String METHOD = "method";

  private CsvReport() {}

  /** The table names a report offers: its tables, then the method note. */
  static List<String> tableNames(Report report) {
    List<String> names = new ArrayList<>();
    report.tables().forEach(t -> names.add(t.name()));
    names.add(METHOD);
    return names;
  }

  /** The table's name, checked; the report's main table when none is asked for. */
  static String chosen(Report report, String table) {
    if (table == null || table.isBlank()) {
      return report.mainTable();
    }
    List<String> names = tableNames(report);
    if (!names.contains(table.strip())) {
      throw new InvalidInputException(
          "table", "unknown table '" + ReportParams.shorten(table) + "'; this report has " + names);
    }
    return table.strip();
  }

  static byte[] write(Report report, String table) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get().print(out)) {
      if (table.equals(METHOD)) {
        csv.printRecord("Item", "Detail");
        for (Report.Note n : report.method()) {
          csv.printRecord(safe(n.label()), safe(n.text()));
        }
      } else {
        Report.Table t = report.table(table);
        csv.printRecord(t.columns());
        for (List<Report.Cell> row : t.rows()) {
          List<String> values = new ArrayList<>(row.size());
          row.forEach(c -> values.add(value(c)));
          csv.printRecord(values);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String value(Report.Cell cell) {
    if (cell instanceof Report.Cell.Text t) {
      return safe(t.value());
    }
    if (cell instanceof Report.Cell.Number n) {
      return n.format() == Report.Format.COUNT
          ? Long.toString((long) n.value())
          : BigDecimal.valueOf(n.value()).stripTrailingZeros().toPlainString();
    }
    return cell instanceof Report.Cell.Withheld ? Report.WITHHELD : Report.NOT_APPLICABLE;
  }

  /** Text a spreadsheet opening the CSV would run as a formula, defused (OWASP CSV injection). */
  static String safe(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
