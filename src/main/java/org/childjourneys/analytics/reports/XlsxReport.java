package org.childjourneys.analytics.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as an Excel workbook: a sheet per table, then a Method sheet. Each table sheet has its
 * caption in A1, the symbols note in A2, the column headings in row 3 and the data from row 4 (no
 * merged cells, no blank rows, headings frozen); numbers are numeric cells (shares and rates as
 * fractions with a percentage format), withheld ones the text {@code [c]}, ones that do not apply
 * {@code [z]}.
 */
final class XlsxReport {

  /** Zero-based index of the headings row on a table sheet. */
  static final int HEADER_ROW = 2;

  private XlsxReport() {}

  static byte[] write(Report report) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var properties = book.getProperties().getCoreProperties();
      properties.setTitle(report.title());
      properties.setCreator("Child Journeys");
      properties.setDescription("Board report; method and data coverage on the Method sheet.");
      Styles styles = new Styles(book);
      for (Report.Table t : report.tables()) {
        table(book, styles, t);
      }
      method(book, styles, report);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void table(XSSFWorkbook book, Styles styles, Report.Table t) {
    Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(t.sheet()));
    text(sheet.createRow(0), 0, t.caption(), styles.title);
    text(sheet.createRow(1), 0, BoardReportService.SYMBOLS, styles.note);
    Row header = sheet.createRow(HEADER_ROW);
    int[] widths = new int[t.columns().size()];
    for (int c = 0; c < t.columns().size(); c++) {
      text(header, c, t.columns().get(c), styles.heading);
      widths[c] = t.columns().get(c).length();
    }
    int r = HEADER_ROW + 1;
    for (List<Report.Cell> row : t.rows()) {
      Row out = sheet.createRow(r++);
      for (int c = 0; c < row.size(); c++) {
        Report.Cell cell = row.get(c);
        if (cell instanceof Report.Cell.Number n) {
          var x = out.createCell(c);
          x.setCellValue(n.value());
          x.setCellStyle(styles.number.get(n.format()));
          widths[c] = Math.max(widths[c], 10);
        } else if (cell instanceof Report.Cell.Text s) {
          text(out, c, s.value(), styles.text);
          widths[c] = Math.max(widths[c], s.value().length());
        } else {
          text(out, c, CsvReport.value(cell), styles.symbol);
        }
      }
    }
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, Math.min(60, Math.max(10, widths[c] + 2)) * 256);
    }
    sheet.createFreezePane(0, HEADER_ROW + 1);
  }

  private static void method(XSSFWorkbook book, Styles styles, Report report) {
    Sheet sheet = book.createSheet("Method");
    text(sheet.createRow(0), 0, "Method: " + report.title(), styles.title);
    text(sheet.createRow(1), 0, BoardReportService.SYMBOLS, styles.note);
    Row header = sheet.createRow(HEADER_ROW);
    text(header, 0, "Item", styles.heading);
    text(header, 1, "Detail", styles.heading);
    int r = HEADER_ROW + 1;
    for (Report.Note n : report.method()) {
      Row row = sheet.createRow(r++);
      text(row, 0, n.label(), styles.text);
      text(row, 1, n.text(), styles.wrapped);
    }
    sheet.setColumnWidth(0, 28 * 256);
    sheet.setColumnWidth(1, 110 * 256);
    sheet.createFreezePane(0, HEADER_ROW + 1);
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    var cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  /** The workbook's cell styles, created once (a workbook holds at most 64,000). */
  private static final class Styles {
    final CellStyle title;
    final CellStyle note;
    final CellStyle heading;
    final CellStyle text;
    final CellStyle wrapped;
    final CellStyle symbol;
    final Map<Report.Format, CellStyle> number = new EnumMap<>(Report.Format.class);

    Styles(XSSFWorkbook book) {
      Font big = book.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      title = book.createCellStyle();
      title.setFont(big);
      note = book.createCellStyle();
      Font bold = book.createFont();
      bold.setBold(true);
      heading = book.createCellStyle();
      heading.setFont(bold);
      heading.setWrapText(true);
      heading.setVerticalAlignment(VerticalAlignment.TOP);
      text = book.createCellStyle();
      text.setVerticalAlignment(VerticalAlignment.TOP);
      wrapped = book.createCellStyle();
      wrapped.setWrapText(true);
      wrapped.setVerticalAlignment(VerticalAlignment.TOP);
      symbol = book.createCellStyle();
      symbol.setAlignment(HorizontalAlignment.RIGHT);
      var formats = book.createDataFormat();
      Map<Report.Format, String> patterns =
          Map.of(
              Report.Format.COUNT, "#,##0",
              Report.Format.PERCENT, "0.0%",
              Report.Format.RATIO, "0.000",
              Report.Format.LIFT, "0.00");
      for (Report.Format f : Report.Format.values()) {
        CellStyle s = book.createCellStyle();
        s.setDataFormat(formats.getFormat(patterns.get(f)));
        number.put(f, s);
      }
    }
  }
}
