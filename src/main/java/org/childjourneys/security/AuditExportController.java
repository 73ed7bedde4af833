package org.childjourneys.security;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit trail as CSV for an auditor or the ICO: all of it, one child's or one user's, for a
 * period. The export is itself recorded in the trail.
 */
@RestController
class AuditExportController {

  static final int MAX_ROWS = 1_000_000;

  private final AuditTrail trail;
  private final Actors actors;

  AuditExportController(AuditTrail trail, Actors actors) {
    this.trail = trail;
    this.actors = actors;
  }

  @GetMapping("/api/audit.csv")
  ResponseEntity<StreamingResponseBody> export(
      @RequestParam(required = false) String childId,
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    OffsetDateTime start = day(from, "from", LocalDate.of(1900, 1, 1));
    OffsetDateTime end = day(to, "to", LocalDate.of(9999, 12, 30)).plusDays(1);
    Actor actor = actors.current().orElseThrow();
    trail.record(
        List.of(
            new AuditTrail.Access(
                actor,
                Purpose.AUDIT,
                "EXPORT",
                childId,
                "audit trail" + (user == null ? "" : " of user " + user),
                true,
                true)));
    List<AuditEntry> entries = trail.export(childId, user, start, end, MAX_ROWS);
    StreamingResponseBody body =
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          try (CSVPrinter csv =
              CSVFormat.DEFAULT
                  .builder()
                  .setHeader(
                      "seq",
                      "at",
                      "actor",
                      "role",
                      "team",
                      "purpose",
                      "action",
                      "child_id",
                      "what",
                      "allowed",
                      "found",
                      "prev_hash",
                      "hash")
                  .get()
                  .print(writer)) {
            for (AuditEntry e : entries) {
              csv.printRecord(
                  e.seq(),
                  e.at(),
                  e.actor(),
                  e.role(),
                  e.team(),
                  e.purpose(),
                  e.action(),
                  e.childId(),
                  e.what(),
                  e.allowed(),
                  e.found(),
                  e.prevHash(),
                  e.hash());
            }
          }
        };
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"audit-trail.csv\"")
        .body(body);
  }

  private static OffsetDateTime day(String value, String name, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(value.strip()).atStartOfDay().atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date as yyyy-mm-dd; was " + value);
    }
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }
}
