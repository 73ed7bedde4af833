package org.childjourneys.analytics.reports;

import java.util.List;

/**
 * A board report (docs/reports.md): the tables of one analysis answer, a chart and the method note,
 * independent of the format it is written in ({@link CsvReport}, {@link XlsxReport}, {@link
 * HtmlReport}). Every figure in it is a value of the service's answer, unchanged. mainTable: the
 * table a CSV download gives when none is named.
 */
record Report(
    String title,
    String fileStem,
    List<Table> tables,
    String mainTable,
    Chart chart,
    List<Note> method) {

  /** How a withheld value is written in every format. */
  static final String WITHHELD = "[c]";

  /** How a value that does not exist (e.g. a share of nobody) is written in every format. */
  static final String NOT_APPLICABLE = "[z]";

  Table table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * One table: its name (the CSV's {@code table=}), sheet name (at most 31 characters), caption,
   * column headings and rows.
   */
  record Table(
      String name, String sheet, String caption, List<String> columns, List<List<Cell>> rows) {}

  /** How a number is shown (the value itself is never rounded in CSV and xlsx). */
  enum Format {
    COUNT,
    PERCENT,
    RATIO,
    LIFT
  }

  /** A cell: text, a number, withheld ({@code [c]}) or not applicable ({@code [z]}). */
  sealed interface Cell {

    record Text(String value) implements Cell {}

    record Number(double value, Format format) implements Cell {}

    record Withheld() implements Cell {}

    record NotApplicable() implements Cell {}

    static Cell text(String value) {
      return new Text(value == null ? "" : value);
    }

    /** A count: withheld when the service withheld it (null). */
    static Cell count(Integer value) {
      return value == null ? new Withheld() : new Number(value, Format.COUNT);
    }

    /**
     * A value derived from counts (a share, rate, interval or lift): shown when the service gave
     * it; otherwise withheld when a count it is built on is withheld, else not applicable.
     */
    static Cell derived(Double value, Format format, Integer... bases) {
      if (value != null) {
        return new Number(value, format);
      }
      for (Integer b : bases) {
        if (b == null) {
          return new Withheld();
        }
      }
      return new NotApplicable();
    }
  }

  /** A bar chart of one column: bars with an optional 95% interval and a reference line. */
  record Chart(
      String title,
      String description,
      Format format,
      List<Bar> bars,
      Double reference,
      String referenceLabel) {}

  /** value null: withheld. */
  record Bar(String label, Double value, Double low, Double high) {}

  /** A line of the method note; coverage lines list a data source each. */
  record Note(String label, String text) {}
}
