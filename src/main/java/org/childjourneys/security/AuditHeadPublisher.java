package org.childjourneys.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Publishes the audit chain's head outside the database after every committed batch: a line
 * appended to a file ({@code childjourneys.security.audit-head-file}) and the same line on the
 * {@code childjourneys.audit.head} logger (ship it to the council's log store or SIEM). Someone who
 * rewrites the whole chain in the database (an administrator with Bolt access) cannot make it match
 * heads already published elsewhere.
 */
@Component
class AuditHeadPublisher {

  private static final Logger HEADS = LoggerFactory.getLogger("childjourneys.audit.head");

  private final Path file;

  AuditHeadPublisher(
      @Value("${childjourneys.security.audit-head-file:data/audit/chain-head.log}") Path file) {
    this.file = file;
  }

  synchronized void publish(long seq, String head, OffsetDateTime at) {
    String line = at + " " + seq + " " + head;
    HEADS.info("audit chain head {}", line);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish the audit chain head to " + file, e);
    }
  }

  /** The heads published so far: seq to hash (empty when none has been). */
  synchronized Map<Long, String> published() {
    Map<Long, String> heads = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return heads;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.strip().split(" ");
        if (parts.length == 3) {
          heads.put(Long.parseLong(parts[1]), parts[2]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the published audit chain heads " + file, e);
    }
    return heads;
  }
}
