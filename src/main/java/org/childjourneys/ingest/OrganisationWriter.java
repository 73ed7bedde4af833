package org.childjourneys.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the organisations of an extract (GIAS, ODS) into batches and writes each batch in one
 * transaction through {@code upsert-organisations}. An organisation whose key appeared earlier in
 * the job is rejected: the first row is kept.
 */
final class OrganisationWriter {

  private static final int BATCH = 1000;

  private final ImportRun run;
  private final Map<String, String> seen = new HashMap<>();
  private List<Map<String, Object>> rows = new ArrayList<>();
  private long records;

  OrganisationWriter(ImportRun run) {
    this.run = run;
  }

  /**
   * Adds an organisation read from a row; props hold every field of the extract (null when blank,
   * so a cleared field is cleared in the graph) and the organisation's id.
   */
  void add(SourceRow row, Map<String, Object> props) {
    String id = (String) props.get("id");
    String earlier = seen.putIfAbsent(id, row.file + " " + row.location);
    if (earlier != null) {
      run.rejectRecord(
          row.file,
          row.location,
          null,
          id,
          "the same organisation appears earlier in the extract ("
              + earlier
              + "); this row is not loaded");
      return;
    }
    props.put("sourceSystem", run.system());
    props.put("sourceFile", row.file);
    props.put("sourceRecord", row.location);
    String hash = ContentHash.of(props);
    props.put("importJob", run.jobId());
    Map<String, Object> r = new HashMap<>();
    r.put("id", id);
    r.put("hash", hash);
    r.put("props", props);
    rows.add(r);
    records++;
    if (rows.size() == BATCH) {
      flush();
    }
  }

  /** A row read but not loaded, and not an error (another LA's school, an out-of-hours service). */
  void skipped() {
    records++;
  }

  void flush() {
    run.writeRows(records, List.of(new GraphUpserter.Rows("upsert-organisations", rows)));
    rows = new ArrayList<>();
    records = 0;
  }
}
