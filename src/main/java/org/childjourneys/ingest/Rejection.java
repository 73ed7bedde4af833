package org.childjourneys.ingest;

/**
 * One record an import could not load, and why: the file, where in it (row number or XML path), the
 * field, the value as read and the reason, so a data officer can find and fix it at source.
 */
public record Rejection(String file, String location, String field, String value, String reason) {}
