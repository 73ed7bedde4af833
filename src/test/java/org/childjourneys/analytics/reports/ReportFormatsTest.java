package org.childjourneys.analytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The three formats on a report whose text is hostile (a saved cohort's name is anyone's text):
 * escaped in the page, defused in the CSV, a plain string in the workbook; numbers kept whole.
 */
class ReportFormatsTest {

  static final String HOSTILE = "=HYPERLINK(\"http://x\")<script>alert(1)</script>";

  static Report report() {
    Report.Table t =
        new Report.Table(
            "things",
            "Things",
            "Caption <b>",
            List.of("Name", "Count", "Share", "Lift"),
            List.of(
                List.of(
                    Report.Cell.text(HOSTILE),
                    Report.Cell.count(1234),
                    Report.Cell.derived(1.0 / 3, Report.Format.PERCENT, 1234),
                    Report.Cell.derived(1.0E-7, Report.Format.LIFT)),
                List.of(
                    Report.Cell.text("-1"),
                    Report.Cell.count(null),
                    Report.Cell.derived(null, Report.Format.PERCENT, (Integer) null),
                    Report.Cell.derived(null, Report.Format.LIFT, 7))));
    return new Report(
        "Title & more",
        "things-2025-04-01-to-2026-03-31",
        List.of(t),
        "things",
        new Report.Chart(
            "Chart <i>",
            "About",
            Report.Format.COUNT,
            List.of(
                new Report.Bar(HOSTILE, 5.0, null, null), new Report.Bar("x", null, null, null)),
            null,
            null),
        List.of(new Report.Note("Cohort", HOSTILE), new Report.Note("Caveat", "<b>careful</b>")));
  }

  @Test
  void csvDefusesFormulasAndKeepsNumbersWhole() {
    String csv = new String(CsvReport.write(report(), "things"), StandardCharsets.UTF_8);
    assertThat(csv.lines().toList())
        .containsExactly(
            "Name,Count,Share,Lift",
            "\"'=HYPERLINK(\"\"http://x\"\")<script>alert(1)</script>\",1234,0.3333333333333333,0.0000001",
            "'-1,[c],[c],[z]");
    assertThat(new String(CsvReport.write(report(), "method"), StandardCharsets.UTF_8))
        .startsWith("Item,Detail\r\nCohort,\"'=HYPERLINK(");
  }

  @Test
  void thePageEscapesEveryText() {
    String html = new String(HtmlReport.write(report()), StandardCharsets.UTF_8);
    assertThat(html)
        .doesNotContain("<script>")
        .doesNotContain("<b>")
        .doesNotContain("<i>")
        .contains("<title>Title &amp; more</title>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("<td class=\"n\">1,234</td><td class=\"n\">33.3%</td>")
        .contains("<td class=\"n\">0.00</td>");
  }

  @Test
  void theWorkbookHoldsTextAsTextAndNumbersAsNumbers() throws IOException {
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(XlsxReport.write(report())))) {
      var row = book.getSheet("Things").getRow(XlsxReport.HEADER_ROW + 1);
      assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo(HOSTILE);
      assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1234);
      assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(1.0 / 3);
      assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
      assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(1.0E-7);
      var next = book.getSheet("Things").getRow(XlsxReport.HEADER_ROW + 2);
      assertThat(next.getCell(1).getStringCellValue()).isEqualTo("[c]");
      assertThat(next.getCell(3).getStringCellValue()).isEqualTo("[z]");
      assertThat(book.getSheetName(1)).isEqualTo("Method");
      assertThat(book.getProperties().getCoreProperties().getTitle()).isEqualTo("Title & more");
    }
  }
}
