package org.childjourneys.ingest;

import java.io.IOException;

/**
 * Reads one format's files into staged batches, rejecting what it cannot load, record by record.
 */
interface Importer {

  ImportFormat format();

  /**
   * Reads the request's files, writes batches through {@link ImportRun#write} and reports bad
   * records through {@link ImportRun#reject}. Throws {@link ImportFailedException} only when the
   * import as a whole cannot go on (wrong kind of file, unreadable folder).
   */
  void read(ImportRun run) throws IOException;
}
