package org.childjourneys.analytics.reports;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.childjourneys.InvalidInputException;
import org.childjourneys.security.Actors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Board reports (docs/reports.md): overlap between services and pathways to an outcome as CSV,
 * Excel and a printable HTML page, for the roles that may ask the GraphQL queries (the same
 * {@code @PreAuthorize}), with the same figures ({@link BoardReportService} calls the services the
 * queries call). Parameters as the queries' arguments; a bad one is a 400 naming it.
 */
@RestController
class BoardReportController {

  /** Who may read overlap and pathways: the same expression as JourneyAnalyticsController's. */
  static final String READERS = "hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')";

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final BoardReportService reports;
  private final Actors actors;

  BoardReportController(BoardReportService reports, Actors actors) {
    this.reports = reports;
    this.actors = actors;
  }

  @GetMapping("/reports/overlap.{format}")
  @PreAuthorize(READERS)
  ResponseEntity<byte[]> overlap(
      @PathVariable String format,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String services,
      @RequestParam(required = false) String cohortId,
      @RequestParam(required = false) String relativeTo,
      @RequestParam(required = false) String table) {
    return render(format, () -> overlap(from, to, services, cohortId, relativeTo), table);
  }

  @GetMapping("/reports/pathways.{format}")
  @PreAuthorize(READERS)
  ResponseEntity<byte[]> pathways(
      @PathVariable String format,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String minSupport,
      @RequestParam(required = false) String first,
      @RequestParam(required = false) String table) {
    return render(format, () -> pathways(outcome, from, to, by, minSupport, first), table);
  }

  /** The report as CSV (one table, chosen by {@code table}), Excel or the printable page. */
  private static ResponseEntity<byte[]> render(
      String format, java.util.function.Supplier<Report> report, String table) {
    return switch (format) {
      case "csv" -> csv(report.get(), table);
      case "xlsx" -> xlsx(report.get());
      case "html" -> html(report.get());
      default ->
          throw new InvalidInputException("format", "csv, xlsx or html, was '" + format + "'");
    };
  }

  private Report overlap(
      String from, String to, String services, String cohortId, String relativeTo) {
    return reports.overlap(
        new BoardReportService.OverlapArgs(
            ReportParams.date("from", from),
            ReportParams.date("to", to),
            ReportParams.list(services),
            ReportParams.optional(cohortId),
            ReportParams.optional(relativeTo)),
        actors.require());
  }

  private Report pathways(
      String outcome, String from, String to, String by, String minSupport, String first) {
    return reports.pathways(
        new BoardReportService.PathwaysArgs(
            ReportParams.required("outcome", outcome),
            ReportParams.date("from", from),
            ReportParams.date("to", to),
            ReportParams.by(by),
            ReportParams.whole("minSupport", minSupport, 20),
            ReportParams.whole("first", first, 20)),
        actors.require());
  }

  private static ResponseEntity<byte[]> csv(Report report, String table) {
    String chosen = CsvReport.chosen(report, table);
    return download(
        CSV, report.fileStem() + "-" + chosen + ".csv", true, CsvReport.write(report, chosen));
  }

  private static ResponseEntity<byte[]> xlsx(Report report) {
    return download(XLSX, report.fileStem() + ".xlsx", true, XlsxReport.write(report));
  }

  /** Inline, so the page opens in the browser to print; saved, it gets the same kind of name. */
  private static ResponseEntity<byte[]> html(Report report) {
    return ResponseEntity.ok()
        .header("Content-Security-Policy", HtmlReport.CONTENT_SECURITY_POLICY)
        .headers(headers(HTML, report.fileStem() + ".html", false))
        .body(HtmlReport.write(report));
  }

  private static ResponseEntity<byte[]> download(
      MediaType type, String filename, boolean attachment, byte[] body) {
    return ResponseEntity.ok().headers(headers(type, filename, attachment)).body(body);
  }

  private static HttpHeaders headers(MediaType type, String filename, boolean attachment) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    headers.setContentDisposition(
        (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
            .filename(filename)
            .build());
    return headers;
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, String>> badRequest(InvalidInputException e) {
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", e.getMessage(), "field", e.field()));
  }
}
