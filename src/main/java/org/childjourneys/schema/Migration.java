package org.childjourneys.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schema migration file, {@code V<version>__<description>.cypher}: statements separated by
 * semicolons at line end, {@code //} comment lines ignored.
 */
record Migration(
    int version, String description, String fileName, String checksum, List<String> statements) {

  private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.cypher");

  static Migration parse(String fileName, String content) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new IllegalStateException(
          "Migration file name '" + fileName + "' must look like V001__short_description.cypher");
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : content.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("//")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        statements.add(current.toString().strip().replaceAll(";$", ""));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return new Migration(
        Integer.parseInt(m.group(1)),
        m.group(2).replace('_', ' '),
        fileName,
        sha256(content.replace("\r\n", "\n")),
        List.copyOf(statements));
  }

  private static String sha256(String content) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
