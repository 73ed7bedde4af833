package org.childjourneys.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Statistical neighbour lists: for each LA, its 10 nearest neighbours by rank (1 nearest). Two
 * layouts (documented in {@code import/README.md}): wide, as DfE's children's services statistical
 * neighbour benchmarking tool lays it out (one row per LA, columns SN1 to SN10), or long (one row
 * per LA and neighbour with its rank). An LA's list in the file replaces the list it had.
 */
final class NeighboursImporter implements Importer {

  static final int NEIGHBOURS = 10;

  static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("new_la_code", List.of("la_code"));
    COLUMNS.put("la_name", List.of());
    COLUMNS.put("neighbour_code", List.of("neighbour_la_code"));
    COLUMNS.put("neighbour_name", List.of());
    COLUMNS.put("rank", List.of());
    for (int i = 1; i <= NEIGHBOURS; i++) {
      COLUMNS.put("sn" + i, List.of("sn" + i + "_code", "sn_" + i));
    }
  }

  /** One neighbour as read, and where. */
  private record Neighbour(String code, String name, int rank, String where) {}

  /** One LA's list as read so far. */
  private static final class NeighbourList {
    String name;
    String where;
    final Map<Integer, Neighbour> byRank = new TreeMap<>();
  }

  @Override
  public ImportFormat format() {
    return ImportFormat.NEIGHBOURS;
  }

  @Override
  public void read(ImportRun run) throws IOException {
    Map<String, NeighbourList> lists = new LinkedHashMap<>();
    Map<String, String> sourceFile = new HashMap<>();
    long[] records = {0};
    run.eachCsvFile(file -> readFile(run, file, lists, sourceFile, records));
    List<Map<String, Object>> rows = new ArrayList<>();
    lists.forEach(
        (code, list) -> {
          if (list.byRank.isEmpty()) {
            return;
          }
          List<Map<String, Object>> neighbours = new ArrayList<>();
          for (Neighbour n : list.byRank.values()) {
            neighbours.add(
                Staged.row(
                    "code", n.code(), "name", n.name(), "rank", n.rank(), "sourceRecord", n.where));
          }
          Map<String, Object> row = new HashMap<>();
          row.put("code", code);
          row.put("name", list.name);
          row.put("sourceSystem", run.system());
          row.put("sourceFile", sourceFile.get(code));
          row.put("importJob", run.jobId());
          row.put("neighbours", neighbours);
          rows.add(row);
        });
    run.writeRows(
        records[0], List.of(new GraphUpserter.Rows("upsert-statistical-neighbours", rows)));
  }

  private void readFile(
      ImportRun run,
      Path file,
      Map<String, NeighbourList> lists,
      Map<String, String> sourceFile,
      long[] records)
      throws IOException {
    String name = file.getFileName().toString();
    if (Files.size(file) == 0) {
      run.reject(name, "file", null, null, "empty file: no header row");
      return;
    }
    try (Reader reader = SourceText.open(file);
        CSVParser parser = IndicatorsImporter.csv().parse(reader)) {
      List<String> header = parser.getHeaderNames();
      Map<String, Integer> columns = IndicatorsImporter.columns(header, COLUMNS);
      boolean wide = columns.containsKey("sn1");
      boolean lng = columns.containsKey("neighbour_code") && columns.containsKey("rank");
      if (!columns.containsKey("new_la_code") || !(wide || lng)) {
        throw new ImportFailedException(
            name
                + " is not a statistical neighbours file: its header row needs la_code and either"
                + " SN1 to SN10 (one row per LA) or neighbour_code and rank (one row per"
                + " neighbour); it has "
                + header);
      }
      for (CSVRecord record : parser) {
        if (SourceRow.rejectedAsBroken(run, name, record, header.size())) {
          continue;
        }
        Map<String, String> values = new HashMap<>();
        columns.forEach((c, i) -> values.put(c, record.get(i)));
        SourceRow row =
            new SourceRow(name, "row " + (record.getRecordNumber() + 1), values, null, 0);
        // A rejected row is counted as read by the rejection.
        if (wide ? wideRow(run, row, lists, sourceFile) : longRow(run, row, lists, sourceFile)) {
          records[0]++;
        }
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new ImportFailedException(name + ": cannot read as CSV: " + e.getMessage());
    }
  }

  /** One LA and its ten neighbours: any bad neighbour rejects the row (a list with a hole). */
  private static boolean wideRow(
      ImportRun run,
      SourceRow row,
      Map<String, NeighbourList> lists,
      Map<String, String> sourceFile) {
    String la = code(row, "new_la_code");
    Map<Integer, Neighbour> neighbours = new TreeMap<>();
    Map<String, String> seen = new HashMap<>();
    for (int rank = 1; rank <= NEIGHBOURS; rank++) {
      String field = "sn" + rank;
      String n = code(row, field);
      if (n == null) {
        continue;
      }
      if (n.equals(la)) {
        row.problem(field, n, "the LA itself cannot be its own neighbour", true);
      } else if (seen.putIfAbsent(n, field) != null) {
        row.problem(field, n, "the same neighbour as " + seen.get(n), true);
      } else {
        neighbours.put(rank, new Neighbour(n, null, rank, row.location));
      }
    }
    if (la != null && lists.containsKey(la)) {
      row.problem(
          "new_la_code", la, "the LA's list appears earlier (" + lists.get(la).where + ")", true);
    }
    if (!row.report(run)) {
      return false;
    }
    NeighbourList list = lists.computeIfAbsent(la, k -> new NeighbourList());
    list.name = row.text("la_name");
    list.byRank.putAll(neighbours);
    list.where = row.file + " " + row.location;
    sourceFile.put(la, row.file);
    return true;
  }

  /** One LA, one neighbour and its rank. */
  private static boolean longRow(
      ImportRun run,
      SourceRow row,
      Map<String, NeighbourList> lists,
      Map<String, String> sourceFile) {
    String la = code(row, "new_la_code");
    String n = code(row, "neighbour_code");
    Integer rank = null;
    String r = row.required("rank");
    if (r != null) {
      try {
        rank = Integer.parseInt(r);
      } catch (NumberFormatException e) {
        // reported below
      }
      if (rank == null || rank < 1 || rank > NEIGHBOURS) {
        row.problem("rank", r, "not a rank from 1 to " + NEIGHBOURS, true);
        rank = null;
      }
    }
    NeighbourList list = la == null ? null : lists.get(la);
    if (la != null && la.equals(n)) {
      row.problem("neighbour_code", n, "the LA itself cannot be its own neighbour", true);
    } else if (list != null && rank != null && list.byRank.containsKey(rank)) {
      row.problem(
          "rank",
          r,
          "the LA already has neighbour " + rank + " (" + list.byRank.get(rank).where() + ")",
          true);
    } else if (list != null && n != null) {
      for (Neighbour earlier : list.byRank.values()) {
        if (earlier.code().equals(n)) {
          row.problem(
              "neighbour_code",
              n,
              "already the LA's neighbour " + earlier.rank() + " (" + earlier.where() + ")",
              true);
        }
      }
    }
    if (!row.report(run)) {
      return false;
    }
    list = lists.computeIfAbsent(la, k -> new NeighbourList());
    if (row.text("la_name") != null) {
      list.name = row.text("la_name");
    }
    list.byRank.put(rank, new Neighbour(n, row.text("neighbour_name"), rank, row.location));
    sourceFile.putIfAbsent(la, row.file);
    return true;
  }

  /** A required LA code, upper-cased; null (and the row broken) when missing or malformed. */
  private static String code(SourceRow row, String field) {
    String v = row.required(field);
    if (v == null) {
      return null;
    }
    String code = v.toUpperCase(Locale.ROOT);
    return IndicatorsImporter.laCode(row, field, code) ? code : null;
  }
}
