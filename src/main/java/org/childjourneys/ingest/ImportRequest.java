package org.childjourneys.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What to import: the format, the files (stored under the job's folder), the source system, the LA
 * code for LA child ids, the extract's reference date (null: read from the file or inferred),
 * whether the files are a snapshot or a delta, and the local authority owning the source system
 * (its ONS code; null: the deployment's own, {@code childjourneys.authority.la-code}).
 */
public record ImportRequest(
    ImportFormat format,
    String system,
    String laCode,
    LocalDate referenceDate,
    ImportMode mode,
    List<Path> files,
    String authority) {

  /** A request for the deployment's own authority. */
  public ImportRequest(
      ImportFormat format,
      String system,
      String laCode,
      LocalDate referenceDate,
      ImportMode mode,
      List<Path> files) {
    this(format, system, laCode, referenceDate, mode, files, null);
  }
}
