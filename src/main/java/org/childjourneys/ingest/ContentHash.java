package org.childjourneys.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hash that tells an updated record from an unchanged one. It covers what the source said, not
 * where or when we read it, so the same content in tomorrow's file counts as unchanged.
 */
final class ContentHash {

  /** Provenance and derived properties: not part of what the source said. */
  static final Set<String> EXCLUDED =
      Set.of(
          "sourceFile",
          "sourceRecord",
          "importJob",
          "contentHash",
          "childId",
          "importedAt",
          "changedAt");

  private ContentHash() {}

  static String of(Map<String, Object> props) {
    StringBuilder canonical = new StringBuilder();
    new TreeMap<>(props)
        .forEach(
            (k, v) -> {
              if (!EXCLUDED.contains(k) && v != null) {
                canonical.append(k).append('=').append(v).append('\u001f');
              }
            });
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** A short deterministic id from a natural key, e.g. {@code 903:POC:<hash>}. */
  static String id(String prefix, String naturalKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(naturalKey.getBytes(StandardCharsets.UTF_8));
      return prefix + HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
