package org.childjourneys.ingest;

/**
 * SNAPSHOT: the files are the whole truth for their source and coverage window; facts of that
 * window missing from them are retired. DELTA: the files only add and update.
 */
public enum ImportMode {
  SNAPSHOT,
  DELTA
}
