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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The DfE "Get Information About Schools" establishment extract ({@code edubasealldata*.csv}): one
 * school per row, keyed by URN as {@code URN-<urn>} (the id the synthetic generator gives schools).
 * Of its ~130 columns only those documented in {@code import/README.md} are read. With an LA code
 * on the request, only that LA's establishments are read.
 */
final class GiasImporter implements Importer {

  static final DateTimeFormatter GIAS_DATE =
      DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);

  /** The columns read, as GIAS spells them (matched case-insensitively); the rest are ignored. */
  static final List<String> COLUMNS =
      List.of(
          "URN",
          "LA (code)",
          "LA (name)",
          "EstablishmentNumber",
          "EstablishmentName",
          "TypeOfEstablishment (name)",
          "EstablishmentStatus (name)",
          "PhaseOfEducation (name)",
          "Street",
          "Locality",
          "Address3",
          "Town",
          "County (name)",
          "Postcode",
          "TelephoneNum",
          "HeadTitle (name)",
          "HeadFirstName",
          "HeadLastName",
          "OpenDate",
          "CloseDate");

  private static final Pattern DATE_IN_NAME = Pattern.compile("(20\\d{2})(\\d{2})(\\d{2})");

  @Override
  public ImportFormat format() {
    return ImportFormat.GIAS;
  }

  @Override
  public void read(ImportRun run) throws IOException {
    List<Path> files = Ssda903Importer.csvFiles(run.request().files());
    LocalDate asAt = run.referenceDate();
    if (asAt == null) {
      asAt =
          files.stream()
              .map(GiasImporter::dateInName)
              .filter(d -> d != null)
              .findFirst()
              .orElse(LocalDate.now());
      run.referenceDate(asAt);
    }
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    OrganisationWriter writer = new OrganisationWriter(run);
    long done = 0;
    for (Path file : files) {
      run.phase("reading " + file.getFileName());
      readFile(run, file, writer);
      done += Files.size(file);
      run.progress(done, total);
    }
    writer.flush();
    run.coverage(asAt, asAt);
  }

  /** The extract date in a name such as edubasealldata20260226.csv, if there is one. */
  static LocalDate dateInName(Path file) {
    Matcher m = DATE_IN_NAME.matcher(file.getFileName().toString());
    if (m.find()) {
      try {
        return LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
      } catch (java.time.DateTimeException e) {
        return null;
      }
    }
    return null;
  }

  private void readFile(ImportRun run, Path file, OrganisationWriter writer) throws IOException {
    String name = file.getFileName().toString();
    if (Files.size(file) == 0) {
      run.reject(name, "file", null, null, "empty file: no header row");
      return;
    }
    String laFilter = run.request().laCode();
    try (Reader reader = SourceText.open(file);
        CSVParser parser =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                .setAllowMissingColumnNames(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(reader)) {
      Map<String, String> known = new HashMap<>();
      COLUMNS.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
      Map<String, Integer> columns = new HashMap<>();
      List<String> header = parser.getHeaderNames();
      for (int i = 0; i < header.size(); i++) {
        String column = known.get(header.get(i).strip().toLowerCase(Locale.ROOT));
        if (column != null) {
          columns.putIfAbsent(column, i);
        }
      }
      if (!columns.containsKey("URN") || !columns.containsKey("EstablishmentName")) {
        throw new ImportFailedException(
            name
                + " is not a GIAS establishment extract: its header row has no URN and"
                + " EstablishmentName columns (the edubasealldata CSV from"
                + " get-information-schools.service.gov.uk has them)");
      }
      for (CSVRecord record : parser) {
        String location = "row " + (record.getRecordNumber() + 1);
        if (SourceRow.rejectedAsBroken(run, name, record, header.size())) {
          continue;
        }
        Map<String, String> values = new HashMap<>();
        columns.forEach((c, i) -> values.put(c, record.get(i)));
        SourceRow row = new SourceRow(name, location, values, null, 0);
        String la = row.text("LA (code)");
        if (laFilter != null && !laFilter.isBlank() && !laFilter.strip().equals(la)) {
          continue;
        }
        school(run, row, writer);
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new ImportFailedException(name + ": cannot read as CSV: " + e.getMessage());
    }
  }

  private static void school(ImportRun run, SourceRow row, OrganisationWriter writer) {
    String urn = row.required("URN");
    if (urn != null && !urn.matches("\\d{6}")) {
      row.problem("URN", urn, "not a URN (6 digits)", true);
    }
    String establishment = row.required("EstablishmentName");
    LocalDate open = date(row, "OpenDate");
    LocalDate close = date(row, "CloseDate");
    if (open != null && close != null && close.isBefore(open)) {
      row.problem(
          "CloseDate", row.text("CloseDate"), "closes before it opens (" + open + ")", false);
      close = null;
    }
    String telephone = DirectoryImporter.phone(row, "TelephoneNum");
    if (!row.report(run)) {
      return;
    }
    String type = known(row.text("TypeOfEstablishment (name)"));
    Map<String, Object> props = new HashMap<>();
    props.put("id", OrganisationKeys.school(Long.parseLong(urn)));
    props.put("kind", "SCHOOL");
    props.put("urn", Long.parseLong(urn));
    props.put("code", urn);
    props.put("name", establishment);
    props.put("phase", phase(known(row.text("PhaseOfEducation (name)")), type));
    props.put("type", type);
    props.put("status", known(row.text("EstablishmentStatus (name)")));
    props.put("laCode", row.text("LA (code)"));
    props.put("laName", row.text("LA (name)"));
    props.put("establishmentNumber", row.text("EstablishmentNumber"));
    props.put(
        "address",
        join(
            ", ",
            row.text("Street"),
            row.text("Locality"),
            row.text("Address3"),
            row.text("Town"),
            known(row.text("County (name)"))));
    String postcode = row.text("Postcode");
    props.put("postcode", postcode == null ? null : postcode.toUpperCase(Locale.ROOT));
    props.put("telephone", telephone);
    props.put(
        "headName",
        join(
            " ",
            known(row.text("HeadTitle (name)")),
            row.text("HeadFirstName"),
            row.text("HeadLastName")));
    props.put("openDate", open);
    props.put("closeDate", close);
    writer.add(row, props);
  }

  /** GIAS's placeholders for nothing ("Not applicable", "Not recorded") are blanks. */
  private static String known(String v) {
    if (v == null) {
      return null;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    return lower.equals("not applicable") || lower.equals("not recorded") ? null : v;
  }

  /** The phase in the synthetic generator's words: PRIMARY, SECONDARY, SIXTEEN_PLUS... */
  static String phase(String phase, String type) {
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (t.contains("pupil referral unit") || t.contains("alternative provision")) {
      return "ALTERNATIVE_PROVISION";
    }
    if (phase == null) {
      return null;
    }
    return switch (phase.toLowerCase(Locale.ROOT)) {
      case "nursery" -> "NURSERY";
      case "primary", "middle deemed primary" -> "PRIMARY";
      case "secondary", "middle deemed secondary" -> "SECONDARY";
      case "16 plus" -> "SIXTEEN_PLUS";
      case "all-through" -> "ALL_THROUGH";
      default -> phase.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    };
  }

  /** A GIAS date, dd-mm-yyyy (or dd/mm/yyyy when the file went through Excel). */
  private static LocalDate date(SourceRow row, String field) {
    String v = row.text(field);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v, v.contains("/") ? SourceRow.UK_DATE : GIAS_DATE);
    } catch (DateTimeParseException e) {
      row.problem(
          field, v, "not a valid date (expected dd-mm-yyyy); the school loads without it", false);
      return null;
    }
  }

  private static String join(String separator, String... parts) {
    List<String> present = new ArrayList<>();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        present.add(p.strip());
      }
    }
    return present.isEmpty() ? null : String.join(separator, present);
  }
}
