package org.childjourneys.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * ONS mid-year population estimates by area (LSOA, ward or LA), year and single year of age or age
 * band, in two layouts (documented in {@code import/README.md}): long (one row per area, year and
 * age) or wide, as ONS publishes the LSOA estimates (one row per area, a column per age {@code 0}
 * ... {@code 90+}, or per sex and age {@code F0} ... {@code M90}, summed). Each age becomes a
 * {@code PopulationEstimate} keyed {@code <area>|<year>|<ageFrom>-<ageTo>}; the ages the file gives
 * for an area and year replace those it had.
 */
final class PopulationImporter implements Importer {

  /** An ONS GSS code: a letter and 8 digits (E01 LSOA, E05 ward, E06-E10 LA, ...). */
  static final Pattern AREA_CODE = Pattern.compile("[A-Z]\\d{8}");

  /** The open end of the oldest age band (90+) is stored as this. */
  static final int OLDEST = 120;

  static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put(
        "area_code",
        List.of(
            "lsoa 2021 code",
            "lsoa 2011 code",
            "lsoa code",
            "lsoa_code",
            "lsoa21cd",
            "lsoa11cd",
            "ward code",
            "ward_code",
            "area code",
            "code"));
    COLUMNS.put("year", List.of("mid_year", "mid-year", "time_period"));
    COLUMNS.put("age", List.of("age_band", "age band"));
    COLUMNS.put("count", List.of("population", "value", "obs_value"));
  }

  private static final Pattern WIDE_AGE = Pattern.compile("([fm])?(\\d{1,3})(\\+)?");
  private static final Pattern BAND = Pattern.compile("(\\d{1,3})\\s*(?:-|to)\\s*(\\d{1,3})");
  private static final int BATCH = 200;

  /** One age band of an area and year, and where it was read. */
  private record Band(int from, int to, long count, String where) {}

  @Override
  public ImportFormat format() {
    return ImportFormat.POPULATION;
  }

  @Override
  public void read(ImportRun run) throws IOException {
    // area|year -> bands, in file order; the file of the first row for it.
    Map<String, TreeMap<Integer, Band>> bands = new LinkedHashMap<>();
    Map<String, String> sourceFile = new HashMap<>();
    ImportRun.RowBatch estimatesByArea = run.rowBatch("upsert-population-estimates", BATCH);
    run.eachCsvFile(file -> readFile(run, file, bands, sourceFile, estimatesByArea));
    for (Map.Entry<String, TreeMap<Integer, Band>> e : bands.entrySet()) {
      String[] areaYear = e.getKey().split("\\|");
      List<Map<String, Object>> estimates = new ArrayList<>();
      for (Band b : e.getValue().values()) {
        estimates.add(
            Staged.row(
                "key",
                areaYear[0] + "|" + areaYear[1] + "|" + b.from() + "-" + b.to(),
                "ageFrom",
                b.from(),
                "ageTo",
                b.to(),
                "count",
                b.count(),
                "sourceRecord",
                b.where()));
      }
      Map<String, Object> row = new HashMap<>();
      row.put("areaCode", areaYear[0]);
      row.put("year", Integer.parseInt(areaYear[1]));
      row.put("sourceSystem", run.system());
      row.put("sourceFile", sourceFile.get(e.getKey()));
      row.put("importJob", run.jobId());
      row.put("estimates", estimates);
      estimatesByArea.add(row);
    }
    estimatesByArea.flush();
  }

  private void readFile(
      ImportRun run,
      Path file,
      Map<String, TreeMap<Integer, Band>> bands,
      Map<String, String> sourceFile,
      ImportRun.RowBatch estimatesByArea)
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
      // Wide: the age columns, by header position -> the single year of age (90+ open-ended).
      Map<Integer, Integer> ageColumns = new LinkedHashMap<>();
      Map<Integer, Boolean> openEnded = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        Matcher m = WIDE_AGE.matcher(header.get(i).strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
          int age = Integer.parseInt(m.group(2));
          ageColumns.put(i, age);
          // ONS's wide tables end with 90, meaning 90 and over.
          openEnded.put(i, m.group(3) != null || age >= 90);
        }
      }
      boolean lng = columns.containsKey("age") && columns.containsKey("count");
      if (!columns.containsKey("area_code") || !(lng || !ageColumns.isEmpty())) {
        throw new ImportFailedException(
            name
                + " is not a population estimates file: its header row needs area_code (or LSOA"
                + " 2021 Code) and either age and count (one row per age) or a column per age,"
                + " 0 to 90+ or F0 to M90 (one row per area); it has "
                + header);
      }
      Integer defaultYear = null;
      if (!columns.containsKey("year")) {
        LocalDate reference = run.request().referenceDate();
        if (reference == null) {
          throw new ImportFailedException(
              name
                  + " has no year column (year or mid_year): give the mid-year the estimates are"
                  + " for as the reference date (--reference-date 2024-06-30)");
        }
        defaultYear = reference.getYear();
      }
      for (CSVRecord record : parser) {
        if (SourceRow.rejectedAsBroken(run, name, record, header.size())) {
          continue;
        }
        Map<String, String> values = new HashMap<>();
        columns.forEach((c, i) -> values.put(c, record.get(i)));
        if (!lng) {
          ageColumns.keySet().forEach(i -> values.put(header.get(i), record.get(i)));
        }
        SourceRow row =
            new SourceRow(name, "row " + (record.getRecordNumber() + 1), values, null, 0);
        String area = areaCode(row);
        Integer year = defaultYear != null ? defaultYear : year(row);
        List<Band> read = new ArrayList<>();
        if (lng) {
          Band b = band(row);
          if (b != null) {
            read.add(b);
          }
        } else {
          read.addAll(wide(row, header, ageColumns, openEnded));
        }
        TreeMap<Integer, Band> known =
            area == null || year == null ? null : bands.get(area + "|" + year);
        if (known != null) {
          for (Band b : read) {
            for (Band earlier : known.values()) {
              if (b.from() <= earlier.to() && earlier.from() <= b.to()) {
                row.problem(
                    lng ? "age" : null,
                    label(b),
                    "age "
                        + label(b)
                        + " overlaps age "
                        + label(earlier)
                        + " of the same area and year ("
                        + earlier.where()
                        + ")",
                    true);
                break;
              }
            }
            if (row.broken()) {
              break;
            }
          }
        }
        if (!row.report(run)) {
          continue;
        }
        String key = area + "|" + year;
        TreeMap<Integer, Band> forArea = bands.computeIfAbsent(key, k -> new TreeMap<>());
        for (Band b : read) {
          forArea.put(
              b.from(), new Band(b.from(), b.to(), b.count(), row.file + " " + row.location));
        }
        sourceFile.putIfAbsent(key, row.file);
        estimatesByArea.countRecord();
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new ImportFailedException(name + ": cannot read as CSV: " + e.getMessage());
    }
  }

  private static String label(Band b) {
    return b.to() == OLDEST
        ? b.from() + "+"
        : b.from() == b.to() ? "" + b.from() : b.from() + "-" + b.to();
  }

  /** A required ONS area code, upper-cased; null (and the row broken) when missing or malformed. */
  static String areaCode(SourceRow row) {
    String v = row.required("area_code");
    if (v == null) {
      return null;
    }
    String code = v.toUpperCase(Locale.ROOT);
    if (!AREA_CODE.matcher(code).matches()) {
      row.problem(
          "area_code",
          v,
          "not an ONS area code (a letter and 8 digits, e.g. E01000001 for an LSOA, E05000001 for"
              + " a ward)",
          true);
      return null;
    }
    return code;
  }

  private static Integer year(SourceRow row) {
    String v = row.required("year");
    if (v == null) {
      return null;
    }
    int latest = LocalDate.now().getYear();
    if (v.matches("\\d{4}")) {
      int y = Integer.parseInt(v);
      if (y >= 1991 && y <= latest) {
        return y;
      }
    }
    row.problem("year", v, "not a mid-year from 1991 to " + latest + " (e.g. 2024)", true);
    return null;
  }

  /** The long layout's age (7, 90+, 0-4 or 0 to 4) and count. */
  private static Band band(SourceRow row) {
    String age = row.required("age");
    Integer from = null;
    Integer to = null;
    if (age != null) {
      String a = age.toLowerCase(Locale.ROOT).replace("aged", "").strip();
      Matcher band = BAND.matcher(a);
      if (a.matches("\\d{1,3}")) {
        from = Integer.parseInt(a);
        to = from;
      } else if (a.matches("\\d{1,3}\\s*\\+")) {
        from = Integer.parseInt(a.replace("+", "").strip());
        to = OLDEST;
      } else if (band.matches()) {
        from = Integer.parseInt(band.group(1));
        to = Integer.parseInt(band.group(2));
      }
      if (from == null || from > to || to > OLDEST) {
        row.problem(
            "age", age, "not an age (7), an age band (0-4 or 0 to 4) or an open band (90+)", true);
        from = null;
      }
    }
    Long count = count(row, "count");
    return from == null || count == null ? null : new Band(from, to, count, null);
  }

  private static List<Band> wide(
      SourceRow row,
      List<String> header,
      Map<Integer, Integer> ageColumns,
      Map<Integer, Boolean> openEnded) {
    Map<Integer, Long> byAge = new TreeMap<>();
    Map<Integer, Boolean> open = new HashMap<>();
    for (Map.Entry<Integer, Integer> c : ageColumns.entrySet()) {
      String column = header.get(c.getKey());
      if (row.text(column) == null) {
        continue;
      }
      Long count = count(row, column);
      if (count != null) {
        byAge.merge(c.getValue(), count, Long::sum);
        open.merge(c.getValue(), openEnded.get(c.getKey()), Boolean::logicalOr);
      }
    }
    List<Band> bands = new ArrayList<>();
    byAge.forEach(
        (age, count) ->
            bands.add(
                new Band(age, Boolean.TRUE.equals(open.get(age)) ? OLDEST : age, count, null)));
    return bands;
  }

  private static Long count(SourceRow row, String field) {
    String v = row.required(field);
    if (v == null) {
      return null;
    }
    String digits = v.replace(",", "");
    if (digits.matches("\\d{1,9}")) {
      return Long.parseLong(digits);
    }
    row.problem(field, v, "not a whole number of people (0 or more)", true);
    return null;
  }
}
