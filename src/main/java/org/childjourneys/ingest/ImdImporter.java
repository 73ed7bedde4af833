package org.childjourneys.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The English indices of deprivation (MHCLG), File 1 (Index of Multiple Deprivation) saved as CSV:
 * each LSOA's IMD decile (1 = the most deprived 10% of LSOAs in England) and rank, set on the
 * LSOA's {@code Area}. The 2019 file names its columns {@code LSOA code (2011)} and {@code Index of
 * Multiple Deprivation (IMD) Decile}; the 2025 file {@code LSOA code (2021)} and the same with
 * {@code (where 1 is most deprived 10% of LSOAs)}; short names {@code lsoa_code}, {@code
 * imd_decile}, {@code imd_rank} are read too ({@code import/README.md}).
 */
final class ImdImporter implements Importer {

  private static final int BATCH = 1000;

  @Override
  public ImportFormat format() {
    return ImportFormat.IMD;
  }

  @Override
  public void read(ImportRun run) throws IOException {
    Map<String, String> seen = new HashMap<>();
    ImportRun.RowBatch deciles = run.rowBatch("upsert-imd-deciles", BATCH);
    run.eachCsvFile(file -> readFile(run, file, seen, deciles));
    deciles.flush();
  }

  /**
   * Which column is which: by its 2019/2025 name (ignoring case and what follows) or short name.
   */
  static Map<String, Integer> columns(List<String> header) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      String column = null;
      if (h.equals("lsoa_code")
          || h.equals("lsoa21cd")
          || h.equals("lsoa11cd")
          || h.startsWith("lsoa code")) {
        column = "lsoa_code";
      } else if (h.equals("imd_decile")
          || h.startsWith("index of multiple deprivation (imd) decile")) {
        column = "imd_decile";
      } else if (h.equals("imd_rank") || h.startsWith("index of multiple deprivation (imd) rank")) {
        column = "imd_rank";
      }
      if (column != null) {
        columns.putIfAbsent(column, i);
      }
    }
    return columns;
  }

  private void readFile(
      ImportRun run, Path file, Map<String, String> seen, ImportRun.RowBatch deciles)
      throws IOException {
    String name = file.getFileName().toString();
    if (Files.size(file) == 0) {
      run.reject(name, "file", null, null, "empty file: no header row");
      return;
    }
    try (Reader reader = SourceText.open(file);
        CSVParser parser = IndicatorsImporter.csv().parse(reader)) {
      List<String> header = parser.getHeaderNames();
      Map<String, Integer> columns = columns(header);
      if (!columns.containsKey("lsoa_code") || !columns.containsKey("imd_decile")) {
        throw new ImportFailedException(
            name
                + " is not an IMD file: its header row needs the LSOA code (LSOA code (2021) or"
                + " lsoa_code) and the IMD decile (Index of Multiple Deprivation (IMD) Decile or"
                + " imd_decile); it has "
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
        String code = null;
        String v = row.required("lsoa_code");
        if (v != null) {
          code = v.toUpperCase(Locale.ROOT);
          if (!code.matches("[A-Z]01\\d{6}")) {
            row.problem(
                "lsoa_code",
                v,
                "not an LSOA code (a letter, 01 and 6 digits, e.g. E01000001)",
                true);
            code = null;
          }
        }
        Integer decile = null;
        String d = row.required("imd_decile");
        if (d != null) {
          if (d.matches("\\d{1,2}") && Integer.parseInt(d) >= 1 && Integer.parseInt(d) <= 10) {
            decile = Integer.parseInt(d);
          } else {
            row.problem("imd_decile", d, "not a decile from 1 (most deprived) to 10", true);
          }
        }
        Integer rank = null;
        String r = row.text("imd_rank");
        if (r != null) {
          String digits = r.replace(",", "");
          if (digits.matches("\\d{1,6}") && Integer.parseInt(digits) >= 1) {
            rank = Integer.parseInt(digits);
          } else {
            row.problem("imd_rank", r, "not a rank (1 = most deprived); loaded without it", false);
          }
        }
        if (code != null && seen.containsKey(code)) {
          row.problem(
              "lsoa_code", code, "the same LSOA appears earlier (" + seen.get(code) + ")", true);
        }
        if (!row.report(run)) {
          continue;
        }
        seen.put(code, row.file + " " + row.location);
        Map<String, Object> out = new HashMap<>();
        out.put("code", code);
        out.put("decile", decile);
        out.put("rank", rank);
        out.put("source", row.file + " " + row.location);
        out.put("importJob", run.jobId());
        deciles.countRecord();
        deciles.add(out);
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new ImportFailedException(name + ": cannot read as CSV: " + e.getMessage());
    }
  }
}
