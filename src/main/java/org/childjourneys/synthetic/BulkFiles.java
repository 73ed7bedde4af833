package org.childjourneys.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV files in Neo4j's bulk-import format, one per label and per relationship type and endpoint
 * labels. Used twice over the same deterministic simulation: first to learn each file's columns and
 * types, then to write the rows under that header.
 */
final class BulkFiles implements AutoCloseable {

  /** A node file (label) or a relationship file (type between two labels). */
  record FileKey(String name, String idProperty, String startLabel, String endLabel) {
    boolean node() {
      return startLabel == null;
    }

    String fileName() {
      return node()
          ? "nodes-" + name + ".csv"
          : "rels-" + name + "-" + startLabel + "-" + endLabel + ".csv";
    }
  }

  private final Map<FileKey, LinkedHashMap<String, String>> columns;
  private final Map<FileKey, CSVPrinter> printers = new LinkedHashMap<>();
  private final Path directory;

  private BulkFiles(Map<FileKey, LinkedHashMap<String, String>> columns, Path directory) {
    this.columns = columns;
    this.directory = directory;
  }

  /** Collects columns and types only. */
  static BulkFiles schema() {
    return new BulkFiles(new LinkedHashMap<>(), null);
  }

  /** Writes rows under the columns a schema pass collected. */
  static BulkFiles writer(BulkFiles schema, Path directory) throws IOException {
    Files.createDirectories(directory);
    return new BulkFiles(schema.columns, directory);
  }

  boolean writing() {
    return directory != null;
  }

  void node(String label, String idProperty, Map<String, ?> props) {
    add(new FileKey(label, idProperty, null, null), props, null, null);
  }

  void relationship(
      String type,
      String startLabel,
      Object startId,
      String endLabel,
      Object endId,
      Map<String, ?> props) {
    add(
        new FileKey(type, null, startLabel, endLabel),
        props == null ? Map.of() : props,
        startId,
        endId);
  }

  private void add(FileKey key, Map<String, ?> props, Object startId, Object endId) {
    if (directory == null) {
      LinkedHashMap<String, String> cols = columns.computeIfAbsent(key, k -> new LinkedHashMap<>());
      props.forEach(
          (name, value) -> {
            if (value != null) {
              cols.putIfAbsent(name, type(value));
            }
          });
      return;
    }
    LinkedHashMap<String, String> cols = columns.get(key);
    List<Object> row = new ArrayList<>(cols.size() + 2);
    if (key.node()) {
      row.add(props.get(key.idProperty()));
    } else {
      row.add(startId);
      row.add(endId);
    }
    cols.forEach(
        (name, type) -> {
          if (!name.equals(key.idProperty())) {
            row.add(format(props.get(name)));
          }
        });
    try {
      printers.computeIfAbsent(key, this::open).printRecord(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CSVPrinter open(FileKey key) {
    List<String> header = new ArrayList<>();
    if (key.node()) {
      header.add(key.idProperty() + ":ID(" + key.name() + ")");
    } else {
      header.add(":START_ID(" + key.startLabel() + ")");
      header.add(":END_ID(" + key.endLabel() + ")");
    }
    columns
        .get(key)
        .forEach(
            (name, type) -> {
              if (!name.equals(key.idProperty())) {
                header.add(name + ":" + type);
              }
            });
    try {
      return new CSVPrinter(
          Files.newBufferedWriter(directory.resolve(key.fileName()), StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Importer arguments naming every file written. */
  List<String> importerArguments() {
    List<String> args = new ArrayList<>();
    printers
        .keySet()
        .forEach(
            key ->
                args.add(
                    (key.node() ? "--nodes=" : "--relationships=")
                        + key.name()
                        + "="
                        + directory.resolve(key.fileName())));
    return args;
  }

  private static String type(Object value) {
    if (value instanceof LocalDate) return "date";
    if (value instanceof LocalDateTime) return "localdatetime";
    if (value instanceof Boolean) return "boolean";
    if (value instanceof Integer) return "int";
    if (value instanceof Long) return "long";
    if (value instanceof Double) return "double";
    if (value instanceof List<?>) return "string[]";
    return "string";
  }

  private static Object format(Object value) {
    if (value instanceof List<?> list) {
      return String.join(";", list.stream().map(String::valueOf).toList());
    }
    return value == null ? null : value.toString();
  }

  @Override
  public void close() throws IOException {
    for (CSVPrinter printer : printers.values()) {
      printer.close();
    }
  }
}
