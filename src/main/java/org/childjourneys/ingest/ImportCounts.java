package org.childjourneys.ingest;

/**
 * What an import did. read and rejected count source records (rows, XML children); created,
 * updated, unchanged and retired count the graph facts those records became (one 903 child may
 * become a record, identifiers, periods of care, placements and events).
 */
public record ImportCounts(
    long read, long created, long updated, long unchanged, long retired, long rejected) {

  static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0);

  ImportCounts plus(ImportCounts o) {
    return new ImportCounts(
        read + o.read,
        created + o.created,
        updated + o.updated,
        unchanged + o.unchanged,
        retired + o.retired,
        rejected + o.rejected);
  }
}
