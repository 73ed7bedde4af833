package org.childjourneys.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A staff and team directory CSV: one row per worker's time in a team, documented in {@code
 * import/README.md}. Workers and teams get the ids the generic CSV gives allocated workers and
 * involvement teams ({@code <system>:WORKER:<staff id>}, {@code <system>:TEAM:<team name>}), so a
 * directory imported under the case-management system's name fills in how to reach the people and
 * teams that system allocated. The whole file is read before anything is written (a worker's rows
 * may be anywhere in it); then teams, then workers, each batch in one transaction.
 */
final class DirectoryImporter implements Importer {

  static final List<String> REQUIRED_COLUMNS = List.of("staff_id", "name", "team");
  static final List<String> COLUMNS =
      List.of(
          "staff_id",
          "name",
          "role",
          "team",
          "team_service",
          "team_email",
          "team_phone",
          "phone",
          "email",
          "organisation",
          "from",
          "to");
  private static final int BATCH = 1000;

  @Override
  public ImportFormat format() {
    return ImportFormat.DIRECTORY;
  }

  /** A team as the directory describes it; later rows fill in or override earlier ones. */
  private static final class TeamEntry {
    final String id;
    final Map<String, Object> props = new HashMap<>();
    final Map<String, String> whereSaid = new HashMap<>();
    Map<String, Object> organisation;

    TeamEntry(String id) {
      this.id = id;
    }
  }

  /** One row: a worker's details and their time in one team. */
  private record Membership(
      String team,
      LocalDate from,
      LocalDate to,
      Map<String, Object> details,
      String file,
      String location,
      long order) {}

  @Override
  public void read(ImportRun run) throws IOException {
    List<Path> files = Ssda903Importer.csvFiles(run.request().files());
    LocalDate asAt = run.referenceDate() != null ? run.referenceDate() : LocalDate.now();
    run.referenceDate(asAt);
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    Map<String, TeamEntry> teams = new LinkedHashMap<>();
    Map<String, List<Membership>> workers = new LinkedHashMap<>();
    long done = 0;
    for (Path file : files) {
      run.phase("reading " + file.getFileName());
      readFile(run, file, teams, workers);
      done += Files.size(file);
      run.progress(done, total);
    }

    run.phase("writing teams");
    List<Map<String, Object>> teamRows = new ArrayList<>();
    for (TeamEntry t : teams.values()) {
      teamRows.add(teamRow(run, t));
      if (teamRows.size() == BATCH) {
        run.writeRows(0, List.of(new GraphUpserter.Rows("upsert-directory-teams", teamRows)));
        teamRows = new ArrayList<>();
      }
    }
    run.writeRows(0, List.of(new GraphUpserter.Rows("upsert-directory-teams", teamRows)));

    run.phase("writing workers");
    List<Map<String, Object>> workerRows = new ArrayList<>();
    long rows = 0;
    long written = 0;
    for (Map.Entry<String, List<Membership>> w : workers.entrySet()) {
      workerRows.add(workerRow(run, w.getKey(), w.getValue()));
      rows += w.getValue().size();
      if (workerRows.size() == BATCH) {
        run.writeRows(
            rows, List.of(new GraphUpserter.Rows("upsert-directory-professionals", workerRows)));
        written += workerRows.size();
        run.progress(written, workers.size());
        workerRows = new ArrayList<>();
        rows = 0;
      }
    }
    run.writeRows(
        rows, List.of(new GraphUpserter.Rows("upsert-directory-professionals", workerRows)));
    run.progress(workers.size(), workers.size());
    // A directory speaks for the day it was taken: that is the coverage its DataSource records.
    run.coverage(asAt, asAt);
  }

  private void readFile(
      ImportRun run, Path file, Map<String, TeamEntry> teams, Map<String, List<Membership>> workers)
      throws IOException {
    String name = file.getFileName().toString();
    if (Files.size(file) == 0) {
      run.reject(name, "file", null, null, "empty file: no header row");
      return;
    }
    try (Reader reader = SourceText.open(file);
        CSVParser parser =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(reader)) {
      Map<String, String> columns = new LinkedHashMap<>();
      parser.getHeaderNames().forEach(h -> columns.put(h, h.strip().toLowerCase(Locale.ROOT)));
      List<String> missing =
          REQUIRED_COLUMNS.stream().filter(c -> !columns.containsValue(c)).toList();
      if (!missing.isEmpty()) {
        throw new ImportFailedException(
            name
                + " is not a staff directory: its header row has no "
                + String.join(", ", missing)
                + " column (expected "
                + COLUMNS
                + "; see import/README.md)");
      }
      for (CSVRecord record : parser) {
        String location = "row " + (record.getRecordNumber() + 1);
        if (SourceRow.rejectedAsBroken(run, name, record, columns.size())) {
          continue;
        }
        Map<String, String> values = new HashMap<>();
        columns.forEach((h, c) -> values.put(c, record.get(h)));
        // No reference date: a directory may name a leaving date still to come.
        SourceRow row = new SourceRow(name, location, values, null, 0);
        readRow(run, row, record.getRecordNumber(), teams, workers);
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new ImportFailedException(name + ": cannot read as CSV: " + e.getMessage());
    }
  }

  private static void readRow(
      ImportRun run,
      SourceRow row,
      long order,
      Map<String, TeamEntry> teams,
      Map<String, List<Membership>> workers) {
    String staffId = row.required("staff_id");
    if (staffId != null && !staffId.matches("[A-Za-z0-9_\\-/.]{1,40}")) {
      row.problem("staff_id", staffId, "not an id (1-40 letters, digits, - _ / .)", true);
    }
    String workerName = row.required("name");
    String team = row.required("team");
    String service = service(row, "team_service");
    String teamEmail = email(row, "team_email");
    String teamPhone = phone(row, "team_phone");
    String phone = phone(row, "phone");
    String email = email(row, "email");
    LocalDate from = date(row, "from");
    LocalDate to = date(row, "to");
    if (from != null && to != null && to.isBefore(from)) {
      row.problem("to", row.text("to"), "ends before it starts (" + from + ")", true);
    }
    if (!row.report(run)) {
      return;
    }
    String system = run.system();
    String teamName = team;
    String teamId = system + ":TEAM:" + teamName;
    TeamEntry entry = teams.computeIfAbsent(teamId, TeamEntry::new);
    entry.props.putIfAbsent("name", teamName);
    entry.props.putIfAbsent("sourceFile", row.file);
    entry.props.putIfAbsent("sourceRecord", row.location);
    teamDetail(run, row, entry, "service", "team_service", service);
    teamDetail(run, row, entry, "email", "team_email", teamEmail);
    teamDetail(run, row, entry, "phone", "team_phone", teamPhone);
    String organisation = row.text("organisation");
    if (organisation != null) {
      Map<String, Object> reference = OrganisationKeys.reference(system, organisation);
      if (entry.organisation != null && !entry.organisation.get("id").equals(reference.get("id"))) {
        run.reject(
            row.file,
            row.location,
            "organisation",
            organisation,
            "team "
                + teamName
                + " was given organisation "
                + entry.organisation.get("id")
                + " at "
                + entry.whereSaid.get("organisation")
                + "; the later value is kept");
      }
      entry.organisation = reference;
      entry.whereSaid.put("organisation", row.location);
    }
    Map<String, Object> details =
        Staged.row("name", workerName, "role", row.text("role"), "phone", phone, "email", email);
    workers
        .computeIfAbsent(system + ":WORKER:" + staffId, k -> new ArrayList<>())
        .add(new Membership(teamId, from, to, details, row.file, row.location, order));
  }

  /** A team's detail; a later row saying otherwise wins, and the difference is reported. */
  private static void teamDetail(
      ImportRun run, SourceRow row, TeamEntry team, String property, String field, String value) {
    if (value == null) {
      return;
    }
    Object before = team.props.get(property);
    if (before != null && !before.equals(value)) {
      run.reject(
          row.file,
          row.location,
          field,
          value,
          "team "
              + team.props.get("name")
              + " has "
              + field
              + " "
              + before
              + " at "
              + team.whereSaid.get(property)
              + "; the later value is kept");
    }
    team.props.put(property, value);
    team.whereSaid.put(property, row.location);
  }

  private static Map<String, Object> teamRow(ImportRun run, TeamEntry t) {
    Map<String, Object> props = new HashMap<>(t.props);
    props.put("nameKey", OrganisationKeys.nameKey((String) props.get("name")));
    props.put("sourceSystem", run.system());
    Map<String, Object> hashed = new HashMap<>(props);
    if (t.organisation != null) {
      hashed.put("organisation", t.organisation.get("id"));
    }
    String hash = ContentHash.of(hashed);
    props.put("importJob", run.jobId());
    return Staged.row("id", t.id, "hash", hash, "props", props, "organisation", t.organisation);
  }

  /**
   * A worker's details come from their latest time in a team (open, else the latest end, else the
   * latest start), filled in from earlier rows where it says nothing.
   */
  private static Map<String, Object> workerRow(ImportRun run, String id, List<Membership> rows) {
    List<Membership> byRecency = new ArrayList<>(rows);
    byRecency.sort(
        Comparator.comparing(
                (Membership m) -> m.to() == null ? LocalDate.MAX : m.to(),
                Comparator.naturalOrder())
            .thenComparing(
                m -> m.from() == null ? LocalDate.MIN : m.from(), Comparator.naturalOrder())
            .thenComparingLong(Membership::order));
    Map<String, Object> props = new HashMap<>();
    Membership latest = byRecency.get(byRecency.size() - 1);
    for (Membership m : byRecency) {
      props.putAll(m.details());
    }
    props.put("nameKey", OrganisationKeys.nameKey((String) props.get("name")));
    props.put("sourceSystem", run.system());
    props.put("sourceFile", latest.file());
    props.put("sourceRecord", latest.location());
    Set<List<Object>> seen = new LinkedHashSet<>();
    List<Map<String, Object>> memberships = new ArrayList<>();
    List<String> canonical = new ArrayList<>();
    for (Membership m : rows) {
      if (seen.add(java.util.Arrays.asList(m.team(), m.from(), m.to()))) {
        memberships.add(
            Staged.row(
                "team",
                m.team(),
                "props",
                Staged.row("from", m.from(), "to", m.to(), "sourceSystem", run.system())));
        canonical.add(m.team() + "|" + m.from() + "|" + m.to());
      }
    }
    canonical.sort(Comparator.naturalOrder());
    Map<String, Object> hashed = new HashMap<>(props);
    hashed.put("memberships", canonical);
    String hash = ContentHash.of(hashed);
    props.put("importJob", run.jobId());
    return Staged.row("id", id, "hash", hash, "props", props, "memberships", memberships);
  }

  /** A date as yyyy-mm-dd or dd/mm/yyyy; a bad one is dropped and reported. */
  static LocalDate date(SourceRow row, String field) {
    String v = row.text(field);
    if (v != null && v.contains("/")) {
      return row.ukDate(field, false);
    }
    return row.isoDate(field, false);
  }

  static String service(SourceRow row, String field) {
    String v = row.text(field);
    if (v == null) {
      return null;
    }
    String upper = v.toUpperCase(Locale.ROOT);
    if (!GenericCsvImporter.SERVICES.contains(upper)) {
      row.problem(
          field,
          v,
          "not a service code: one of "
              + GenericCsvImporter.SERVICES.stream().sorted().toList()
              + "; the team loads without it",
          false);
      return null;
    }
    return upper;
  }

  static String email(SourceRow row, String field) {
    String v = row.text(field);
    if (v == null) {
      return null;
    }
    if (!v.matches("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;.]+")) {
      row.problem(field, v, "not an e-mail address (name@domain.example)", false);
      return null;
    }
    return v;
  }

  /** A phone number: digits, spaces, +, brackets and hyphens, with 7 to 15 digits. */
  static String phone(SourceRow row, String field) {
    String v = row.text(field);
    if (v == null) {
      return null;
    }
    long digits = v.chars().filter(Character::isDigit).count();
    if (!v.matches("[0-9 +()\\-]+") || digits < 7 || digits > 15) {
      row.problem(
          field,
          v,
          "not a phone number (7-15 digits; only digits, spaces, +, brackets and hyphens)",
          false);
      return null;
    }
    return v.replaceAll("\\s+", " ");
  }
}
