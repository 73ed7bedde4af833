package org.childjourneys.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * NHS Organisation Data Service extracts: {@code epraccur.csv} (GP practices) and {@code etr.csv}
 * (NHS trusts). They have no header row: columns are positional (documented in {@code
 * import/README.md}). A file is recognised by its name and checked by its shape; a file that is
 * neither fails the job. Practices are keyed {@code GP-<code>}, trusts {@code NHS-<code>}, the ids
 * the synthetic generator gives them.
 */
final class OdsImporter implements Importer {

  static final DateTimeFormatter ODS_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  /** The two extracts read, with the columns (1-based) they are read from. */
  enum Extract {
    GP_PRACTICES("epraccur", "GP_PRACTICE", "[A-Z]\\d{5}", "a letter and five digits", 26),
    NHS_TRUSTS("etr", "NHS_TRUST", "[A-Z0-9]{3}", "three letters or digits", 12);

    final String fileName;
    final String kind;
    final String codePattern;
    final String codeShape;
    final int minimumColumns;

    Extract(String fileName, String kind, String codePattern, String codeShape, int minimum) {
      this.fileName = fileName;
      this.kind = kind;
      this.codePattern = codePattern;
      this.codeShape = codeShape;
      this.minimumColumns = minimum;
    }

    String describe() {
      return this == GP_PRACTICES
          ? "an ODS GP practice extract (epraccur.csv)"
          : "an ODS NHS trust extract (etr.csv)";
    }
  }

  /** Column positions (1-based) and the names the rejection report gives them. */
  private static final Map<Integer, String> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put(1, "Organisation Code");
    FIELDS.put(2, "Name");
    FIELDS.put(3, "National Grouping");
    FIELDS.put(4, "High Level Health Geography");
    FIELDS.put(5, "Address Line 1");
    FIELDS.put(6, "Address Line 2");
    FIELDS.put(7, "Address Line 3");
    FIELDS.put(8, "Address Line 4");
    FIELDS.put(9, "Address Line 5");
    FIELDS.put(10, "Postcode");
    FIELDS.put(11, "Open Date");
    FIELDS.put(12, "Close Date");
    FIELDS.put(13, "Status Code");
    FIELDS.put(15, "Commissioner");
    FIELDS.put(18, "Contact Telephone Number");
    FIELDS.put(26, "Prescribing Setting");
  }

  @Override
  public ImportFormat format() {
    return ImportFormat.ODS;
  }

  @Override
  public void read(ImportRun run) throws IOException {
    List<Path> files = Ssda903Importer.csvFiles(run.request().files());
    LocalDate asAt = run.referenceDate() != null ? run.referenceDate() : LocalDate.now();
    run.referenceDate(asAt);
    Map<Path, Extract> extracts = new LinkedHashMap<>();
    long total = 0;
    for (Path f : files) {
      Extract e = recognise(run, f);
      if (e != null) {
        extracts.put(f, e);
        total += Files.size(f);
      }
    }
    OrganisationWriter writer = new OrganisationWriter(run);
    long done = 0;
    for (Map.Entry<Path, Extract> e : extracts.entrySet()) {
      run.phase("reading " + e.getKey().getFileName());
      readFile(run, e.getKey(), e.getValue(), asAt, writer);
      done += Files.size(e.getKey());
      run.progress(done, total);
    }
    writer.flush();
    run.coverage(asAt, asAt);
  }

  /** Which extract a file is, by its name and the shape of its first row; null if empty. */
  static Extract recognise(ImportRun run, Path file) throws IOException {
    String name = file.getFileName().toString();
    if (Files.size(file) == 0) {
      run.reject(name, "file", null, null, "empty file: nothing to import");
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    Extract byName = null;
    for (Extract e : Extract.values()) {
      if (lower.startsWith(e.fileName)) {
        byName = e;
      }
    }
    List<String> first = firstRecord(file);
    Extract byShape = null;
    for (Extract e : Extract.values()) {
      if (first.size() >= e.minimumColumns
          && first.get(0).strip().toUpperCase(Locale.ROOT).matches(e.codePattern)
          && first.get(10).strip().matches("\\d{8}")) {
        byShape = e;
        break;
      }
    }
    String seen =
        "its first row has "
            + first.size()
            + " values, starting "
            + String.join(",", first.subList(0, Math.min(3, first.size())));
    if (byName != null && byName != byShape) {
      throw new ImportFailedException(
          name
              + " is named like "
              + byName.describe()
              + " but does not have its layout ("
              + byName.minimumColumns
              + "+ columns, no header row, an organisation code of "
              + byName.codeShape
              + " first, an open date yyyymmdd in column 11): "
              + seen);
    }
    if (byShape == null) {
      throw new ImportFailedException(
          name
              + " is neither an ODS GP practice extract (epraccur.csv) nor an NHS trust extract"
              + " (etr.csv): "
              + seen);
    }
    return byShape;
  }

  private static List<String> firstRecord(Path file) throws IOException {
    try (Reader reader = SourceText.open(file);
        CSVParser parser =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
      for (CSVRecord r : parser) {
        return r.toList();
      }
      return List.of();
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new ImportFailedException(
          file.getFileName() + ": cannot read as CSV: " + e.getMessage());
    }
  }

  private void readFile(
      ImportRun run, Path file, Extract extract, LocalDate asAt, OrganisationWriter writer)
      throws IOException {
    String name = file.getFileName().toString();
    try (Reader reader = SourceText.open(file);
        CSVParser parser =
            CSVFormat.DEFAULT
                .builder()
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(reader)) {
      for (CSVRecord record : parser) {
        String location = "row " + record.getRecordNumber();
        if (record.size() < extract.minimumColumns) {
          run.rejectRecord(
              name,
              location,
              null,
              String.join(",", record.toList()),
              "broken row: "
                  + record.size()
                  + " values, "
                  + extract.describe()
                  + " has at least "
                  + extract.minimumColumns);
          continue;
        }
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(
            (column, field) -> {
              if (column <= record.size()) {
                values.put(field, record.get(column - 1));
              }
            });
        SourceRow row = new SourceRow(name, location, values, null, 0);
        if (extract == Extract.GP_PRACTICES && !"4".equals(row.text("Prescribing Setting"))) {
          // Out-of-hours services, walk-in centres, prisons...: not GP practices.
          writer.skipped();
          continue;
        }
        organisation(run, row, extract, asAt, writer);
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new ImportFailedException(name + ": cannot read as CSV: " + e.getMessage());
    }
  }

  private static void organisation(
      ImportRun run, SourceRow row, Extract extract, LocalDate asAt, OrganisationWriter writer) {
    String code = row.required("Organisation Code");
    if (code != null) {
      code = code.toUpperCase(Locale.ROOT);
      if (!code.matches(extract.codePattern)) {
        row.problem(
            "Organisation Code",
            code,
            "not "
                + (extract == Extract.GP_PRACTICES ? "a GP practice" : "an NHS trust")
                + " code ("
                + extract.codeShape
                + ")",
            true);
      }
    }
    String orgName = row.required("Name");
    LocalDate open = date(row, "Open Date");
    LocalDate close = date(row, "Close Date");
    if (open != null && close != null && close.isBefore(open)) {
      row.problem(
          "Close Date", row.text("Close Date"), "closes before it opens (" + open + ")", false);
      close = null;
    }
    String status = null;
    if (extract == Extract.GP_PRACTICES) {
      String s = row.text("Status Code");
      if (s != null) {
        status =
            switch (s.toUpperCase(Locale.ROOT)) {
              case "A" -> "ACTIVE";
              case "C" -> "CLOSED";
              case "P" -> "PROPOSED";
              default -> {
                row.problem(
                    "Status Code",
                    s,
                    "not a status code (A active, C closed, P proposed); loaded without it",
                    false);
                yield null;
              }
            };
      }
    } else {
      // etr.csv has no status column: a trust with a close date on or before the as-at date
      // is closed.
      status = close != null && !close.isAfter(asAt) ? "CLOSED" : "ACTIVE";
    }
    String telephone = DirectoryImporter.phone(row, "Contact Telephone Number");
    if (!row.report(run)) {
      return;
    }
    Map<String, Object> props = new HashMap<>();
    props.put(
        "id",
        extract == Extract.GP_PRACTICES
            ? OrganisationKeys.gpPractice(code)
            : OrganisationKeys.nhsTrust(code));
    props.put("kind", extract.kind);
    props.put("code", code);
    props.put("name", orgName);
    props.put("status", status);
    props.put("openDate", open);
    props.put("closeDate", close);
    List<String> address = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      String line = row.text("Address Line " + i);
      if (line != null) {
        address.add(line);
      }
    }
    props.put("address", address.isEmpty() ? null : String.join(", ", address));
    String postcode = row.text("Postcode");
    props.put("postcode", postcode == null ? null : postcode.toUpperCase(Locale.ROOT));
    props.put("telephone", telephone);
    props.put("nationalGrouping", row.text("National Grouping"));
    props.put("healthGeography", row.text("High Level Health Geography"));
    props.put("commissioner", extract == Extract.GP_PRACTICES ? row.text("Commissioner") : null);
    writer.add(row, props);
  }

  private static LocalDate date(SourceRow row, String field) {
    String v = row.text(field);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v, ODS_DATE);
    } catch (DateTimeParseException e) {
      row.problem(field, v, "not a valid date (expected yyyymmdd); loaded without it", false);
      return null;
    }
  }
}
