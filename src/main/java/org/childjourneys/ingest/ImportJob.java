package org.childjourneys.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An import job as users see it: what, its state and progress, and what it did. */
public record ImportJob(
    String id,
    String format,
    String system,
    String mode,
    List<String> files,
    String status,
    String phase,
    Double percent,
    ImportCounts counts,
    OffsetDateTime submittedAt,
    String submittedBy,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    Long durationMs,
    LocalDate referenceDate,
    LocalDate coveredFrom,
    LocalDate coveredTo,
    String error,
    int attempts) {

  public boolean finished() {
    return "SUCCEEDED".equals(status) || "FAILED".equals(status);
  }
}
