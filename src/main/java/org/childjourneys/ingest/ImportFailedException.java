package org.childjourneys.ingest;

/** The import as a whole cannot go on; the message says which file and why. */
public class ImportFailedException extends RuntimeException {
  public ImportFailedException(String message) {
    super(message);
  }
}
