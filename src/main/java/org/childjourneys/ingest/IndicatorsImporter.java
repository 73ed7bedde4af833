package org.childjourneys.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Published LA-level indicators in the long ("tidy") layout of DfE's Explore Education Statistics
 * and LAIT downloads: one value per row for an LA (or England), an indicator and a year. Each row
 * becomes a {@code LaIndicator} keyed {@code <la code>|<measure code>|<year>}; the LA becomes a
 * {@code LocalAuthority} by its ONS code. Columns, names and the indicator mapping are documented
 * in {@code import/README.md}.
 */
final class IndicatorsImporter implements Importer {

  /** England's ONS code: the national row's LA code. */
  static final String ENGLAND = "E92000001";

  /** An English local authority with children's services: unitary, metropolitan, London, county. */
  static final Pattern LA_CODE = Pattern.compile("E(06|08|09|10)\\d{6}");

  /** DfE's symbols for a value that is not available (suppressed, not applicable, not known). */
  static final Set<String> NOT_AVAILABLE = Set.of("c", "x", "z", "u", "low", ":", "..", "k");

  /** Each column read, with the other names it goes by (matched ignoring case). */
  static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("time_period", List.of("period", "year"));
    COLUMNS.put("geographic_level", List.of());
    COLUMNS.put("country_code", List.of());
    COLUMNS.put("new_la_code", List.of("la_code"));
    COLUMNS.put("old_la_code", List.of("la_number"));
    COLUMNS.put("la_name", List.of());
    COLUMNS.put("indicator", List.of("measure"));
    COLUMNS.put("value", List.of());
  }

  /**
   * The indicator names mapped to our measure codes (docs/measures.md), matched ignoring case,
   * punctuation and spacing. A file may also use our codes directly.
   */
  static final Map<String, String> INDICATORS = new LinkedHashMap<>();

  static {
    alias(
        "RE_REFERRALS_12_MONTHS",
        "re_referral_rate",
        "re-referrals within 12 months of a previous referral",
        "percentage of referrals within 12 months of a previous referral");
    alias(
        "REPEAT_CP_PLANS",
        "cpp_subsequent_rate",
        "children who became the subject of a plan for a second or subsequent time",
        "percentage of children who became the subject of a child protection plan for a second or"
            + " subsequent time");
    alias(
        "REPEAT_CP_PLANS_WITHIN_2_YEARS",
        "children who became the subject of a plan for a second or subsequent time within 2 years");
    alias(
        "CP_PLANS_LASTING_2_YEARS",
        "cpp_two_years_rate",
        "child protection plans which ended during the year that lasted two years or more",
        "percentage of child protection plans ending during the year which lasted two years or"
            + " more");
    alias(
        "LOOKED_AFTER_3_OR_MORE_PLACEMENTS",
        "placement_stability_3_or_more",
        "children looked after at 31 march with three or more placements during the year",
        "percentage of children looked after at 31 march with three or more placements during the"
            + " year");
    alias(
        "LONG_TERM_PLACEMENT_STABILITY",
        "long_term_placement_stability",
        "long-term stability of placements",
        "percentage of children looked after for at least 2.5 years who were living in the same"
            + " placement for at least 2 years");
    alias(
        "NEET_OR_NOT_KNOWN_16_17",
        "neet_or_not_known_16_17",
        "16-17 year olds not in education, employment or training (neet) or whose activity is not"
            + " known");
    alias(
        "CARE_LEAVERS_17_18_IN_TOUCH",
        "care leavers aged 17 to 18 in touch with the local authority");
    alias(
        "CARE_LEAVERS_17_18_IN_EDUCATION_EMPLOYMENT_TRAINING",
        "care leavers aged 17 to 18 in education, employment or training");
    alias(
        "CARE_LEAVERS_17_18_SUITABLE_ACCOMMODATION",
        "care leavers aged 17 to 18 in suitable accommodation");
    alias(
        "CARE_LEAVERS_19_21_IN_TOUCH",
        "care leavers aged 19 to 21 in touch with the local authority");
    alias(
        "CARE_LEAVERS_19_21_IN_EDUCATION_EMPLOYMENT_TRAINING",
        "care leavers aged 19 to 21 in education, employment or training");
    alias(
        "CARE_LEAVERS_19_21_SUITABLE_ACCOMMODATION",
        "care leavers aged 19 to 21 in suitable accommodation");
  }

  private static void alias(String code, String... names) {
    INDICATORS.put(normalise(code), code);
    for (String n : names) {
      INDICATORS.put(normalise(n), code);
    }
  }

  /** Lower case, every run of other characters than letters and digits one space. */
  static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", " ").strip();
  }

  private static final int BATCH = 1000;
  private static final Pattern ACADEMIC_YEAR = Pattern.compile("(\\d{4})[-/]?(\\d{2})");

  @Override
  public ImportFormat format() {
    return ImportFormat.INDICATORS;
  }

  @Override
  public void read(ImportRun run) throws IOException {
    Map<String, String> seen = new HashMap<>();
    ImportRun.RowBatch indicators = run.rowBatch("upsert-la-indicators", BATCH);
    run.eachCsvFile(file -> readFile(run, file, seen, indicators));
    indicators.flush();
  }

  private void readFile(
      ImportRun run, Path file, Map<String, String> seen, ImportRun.RowBatch indicators)
      throws IOException {
    String name = file.getFileName().toString();
    if (Files.size(file) == 0) {
      run.reject(name, "file", null, null, "empty file: no header row");
      return;
    }
    try (Reader reader = SourceText.open(file);
        CSVParser parser = csv().parse(reader)) {
      List<String> header = parser.getHeaderNames();
      Map<String, Integer> columns = columns(header, COLUMNS);
      if (!columns.containsKey("time_period")
          || !columns.containsKey("indicator")
          || !columns.containsKey("value")
          || !(columns.containsKey("new_la_code") || columns.containsKey("country_code"))) {
        throw new ImportFailedException(
            name
                + " is not an indicators file: its header row needs time_period, new_la_code (or"
                + " country_code), indicator and value columns; it has "
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
        Map<String, Object> props = indicator(row);
        if (props == null) {
          // A regional or other row: read, not loaded, not an error.
          indicators.countRecord();
          continue;
        }
        if (!row.report(run)) {
          continue;
        }
        String key = (String) props.get("key");
        String earlier = seen.putIfAbsent(key, row.file + " " + row.location);
        if (earlier != null) {
          run.rejectRecord(
              row.file,
              row.location,
              null,
              key,
              "the same LA, indicator and period appear earlier ("
                  + earlier
                  + "); this row is not loaded");
          continue;
        }
        props.put("sourceSystem", run.system());
        props.put("sourceFile", row.file);
        props.put("sourceRecord", row.location);
        String hash = ContentHash.of(props);
        props.put("importJob", run.jobId());
        Map<String, Object> r = new HashMap<>();
        r.put("key", key);
        r.put("hash", hash);
        r.put("props", props);
        indicators.countRecord();
        indicators.add(r);
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new ImportFailedException(name + ": cannot read as CSV: " + e.getMessage());
    }
  }

  /** The row's indicator as properties; null for a row at another level (regional). */
  private static Map<String, Object> indicator(SourceRow row) {
    String level = row.text("geographic_level");
    boolean national = false;
    if (level != null) {
      String l = level.toLowerCase(Locale.ROOT);
      if (l.equals("national")) {
        national = true;
      } else if (!l.equals("local authority")) {
        return null;
      }
    }
    String code = row.text("new_la_code");
    if (code == null && (national || row.text("country_code") != null)) {
      code = row.text("country_code");
      national = true;
    }
    String laName = row.text("la_name");
    if (code == null) {
      row.problem(
          "new_la_code",
          null,
          "required value is missing (the LA's 9-character ONS code, e.g. E06000001; England is "
              + ENGLAND
              + ")",
          true);
    } else {
      code = code.toUpperCase(Locale.ROOT);
      if (code.equals(ENGLAND)) {
        national = true;
        laName = "England";
      } else if (national) {
        row.problem("new_la_code", code, "a national row's code must be " + ENGLAND, true);
      } else {
        laCode(row, "new_la_code", code);
      }
    }
    String oldCode = national ? null : row.text("old_la_code");
    if (oldCode != null && !oldCode.matches("\\d{3}")) {
      row.problem(
          "old_la_code", oldCode, "not a DfE LA number (3 digits); loaded without it", false);
      oldCode = null;
    }
    Integer period = period(row, "time_period");
    String indicator = row.required("indicator");
    String measure = null;
    if (indicator != null) {
      measure = INDICATORS.get(normalise(indicator));
      if (measure == null) {
        row.problem(
            "indicator",
            indicator,
            "not an indicator this service compares; use one of our measure codes "
                + List.copyOf(new java.util.LinkedHashSet<>(INDICATORS.values()))
                + " or a name in import/README.md",
            true);
      }
    }
    String published = row.text("value");
    Double value = null;
    boolean suppressed = false;
    if (published != null) {
      if (NOT_AVAILABLE.contains(published.toLowerCase(Locale.ROOT))) {
        suppressed = true;
      } else {
        try {
          value = Double.parseDouble(published.replace("%", "").replace(",", "").strip());
        } catch (NumberFormatException e) {
          row.problem(
              "value",
              published,
              "not a number nor a DfE symbol for a value not available (c, x, z, u, low, :)",
              true);
        }
        if (value != null && (value.isNaN() || value < 0 || value > 100)) {
          row.problem("value", published, "not a percentage from 0 to 100", true);
          value = null;
        }
      }
    }
    Map<String, Object> props = new HashMap<>();
    if (code != null && measure != null && period != null) {
      props.put("key", key(code, measure, period));
    }
    props.put("laCode", code);
    props.put("laName", laName);
    props.put("oldLaCode", oldCode);
    props.put("national", national);
    props.put("indicator", measure);
    props.put("publishedIndicator", indicator);
    props.put("period", period);
    props.put("value", value);
    props.put("suppressed", suppressed);
    props.put("publishedValue", published);
    return props;
  }

  /** The key of an LA's (or England's) value of a measure for the year ending 31 March. */
  static String key(String laCode, String measure, int year) {
    return laCode + "|" + measure + "|" + year;
  }

  /** Checks an LA code; the problem breaks the row. */
  static boolean laCode(SourceRow row, String field, String code) {
    if (LA_CODE.matcher(code).matches()) {
      return true;
    }
    row.problem(
        field,
        code,
        code.matches("\\d{3}")
            ? "an old (3-digit) LA number: give the LA's 9-character ONS code, e.g. E06000001"
            : "not an English LA code (E06, E08, E09 or E10 and 6 digits, e.g. E06000001)",
        true);
    return false;
  }

  /**
   * The year ending 31 March a period stands for: {@code 2026}, or a financial or academic year
   * written {@code 202526}, {@code 2025-26} or {@code 2025/26}.
   */
  static Integer period(SourceRow row, String field) {
    String v = row.required(field);
    if (v == null) {
      return null;
    }
    Integer year = null;
    Matcher m = ACADEMIC_YEAR.matcher(v);
    if (v.matches("\\d{4}")) {
      year = Integer.parseInt(v);
    } else if (m.matches()) {
      int first = Integer.parseInt(m.group(1));
      if ((first + 1) % 100 == Integer.parseInt(m.group(2))) {
        year = first + 1;
      }
    }
    int latest = LocalDate.now().getYear() + 1;
    if (year == null || year < 2000 || year > latest) {
      row.problem(
          field,
          v,
          "not a period from 2000 to "
              + latest
              + ": a year ending 31 March (2026) or a year as 202526, 2025-26 or 2025/26",
          true);
      return null;
    }
    return year;
  }

  static CSVFormat csv() {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
        .setAllowMissingColumnNames(true)
        .setTrim(true)
        .setIgnoreEmptyLines(true)
        .get();
  }

  /** Where each known column is, by its name or another name it goes by (ignoring case). */
  static Map<String, Integer> columns(List<String> header, Map<String, List<String>> known) {
    Map<String, String> names = new HashMap<>();
    known.forEach(
        (column, aliases) -> {
          names.put(column, column);
          aliases.forEach(a -> names.put(a, column));
        });
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String column = names.get(header.get(i).strip().toLowerCase(Locale.ROOT));
      if (column != null) {
        columns.putIfAbsent(column, i);
      }
    }
    return columns;
  }
}
