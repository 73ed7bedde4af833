package org.childjourneys.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.childjourneys.dataset.ServiceDomains;

/**
 * The generic multi-agency CSV (education, SEND/NEET, youth justice, universal, housing, police,
 * health, early help): one file per record type, recognised by its header row, documented in {@code
 * import/README.md}. People first, then family, contacts, involvements and events, so every fact
 * finds its person. A delta feed: rows add and update, with {@code changed_at} deciding when an
 * older row arrives after a newer one.
 */
final class GenericCsvImporter implements Importer {

  /**
   * The tables, in the order they load: people before what names them, involvements before
   * contacts.
   */
  enum Kind {
    PEOPLE("person_id", "person_type"),
    RELATIONSHIPS("person_id", "related_person_id", "relationship"),
    INVOLVEMENTS("involvement_id", "person_id", "service", "kind", "start"),
    CONTACTS("contact_id", "person_id", "received_at"),
    EVENTS("event_id", "person_id", "service", "kind", "date"),
    COVERAGE("service", "covered_from", "covered_to");

    final List<String> columns;

    Kind(String... columns) {
      this.columns = List.of(columns);
    }
  }

  static final Set<String> SERVICES = Set.copyOf(ServiceDomains.CODES);
  static final Set<String> DECISIONS =
      Set.of("NO_FURTHER_ACTION", "INFORMATION_AND_ADVICE", "EARLY_HELP", "REFERRAL", "OPEN_CASE");
  static final Set<String> PARENTS =
      Set.of("MOTHER", "FATHER", "STEP_PARENT", "PARENT", "ADOPTIVE_PARENT");
  static final Set<String> CARERS =
      Set.of("CARER", "GRANDPARENT", "KINSHIP_CARER", "FOSTER_CARER", "SPECIAL_GUARDIAN");
  static final Set<String> RESTRICTIONS = Set.of("SEALED", "REFUGE_ADDRESS");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final int ROWS_PER_BATCH = 10_000;

  @Override
  public ImportFormat format() {
    return ImportFormat.CSV;
  }

  @Override
  public void read(ImportRun run) throws IOException {
    List<Path> files = Ssda903Importer.csvFiles(run.request().files());
    Map<Kind, List<Path>> byKind = new EnumMap<>(Kind.class);
    for (Path f : files) {
      Kind kind = recognise(run, f);
      if (kind != null) {
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(f);
      }
    }
    if (byKind.isEmpty()) {
      throw new ImportFailedException(
          "None of the files is a generic CSV table (people, relationships, contacts,"
              + " involvements, events, coverage; see import/README.md): "
              + files.stream().map(f -> f.getFileName().toString()).toList());
    }
    LocalDate reference = run.referenceDate() == null ? LocalDate.now() : run.referenceDate();
    run.referenceDate(reference);
    long total = 0;
    for (List<Path> list : byKind.values()) {
      for (Path p : list) {
        total += Files.size(p);
      }
    }
    long[] done = {0};
    LocalDate[] window = {null, null};
    for (Map.Entry<Kind, List<Path>> e : byKind.entrySet()) {
      for (Path file : e.getValue()) {
        run.phase("reading " + file.getFileName());
        readFile(run, e.getKey(), file, reference, window);
        done[0] += Files.size(file);
        run.progress(done[0], total);
      }
    }
    if (window[0] != null) {
      run.coverage(window[0], window[1]);
    }
  }

  private static Kind recognise(ImportRun run, Path file) throws IOException {
    String name = file.getFileName().toString();
    if (Files.size(file) == 0) {
      run.reject(name, "file", null, null, "empty file: no header row");
      return null;
    }
    try (Reader reader = SourceText.open(file);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
      Set<String> header = new HashSet<>();
      parser.getHeaderNames().forEach(h -> header.add(h.strip().toLowerCase(Locale.ROOT)));
      for (Kind k : Kind.values()) {
        if (header.containsAll(k.columns)) {
          return k;
        }
      }
      run.reject(
          name,
          "header",
          null,
          String.join(",", parser.getHeaderNames()),
          "not a generic CSV table: the header row has the columns of none of "
              + Arrays.stream(Kind.values())
                  .map(k -> k.name().toLowerCase(Locale.ROOT) + " " + k.columns)
                  .toList());
      return null;
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      run.reject(name, "file", null, null, "cannot read as CSV: " + e.getMessage());
      return null;
    }
  }

  private void readFile(
      ImportRun run, Kind kind, Path file, LocalDate reference, LocalDate[] window)
      throws IOException {
    String name = file.getFileName().toString();
    int year = Ssda903Importer.collectionYear(reference);
    List<String[]> partOf = new ArrayList<>();
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
      Map<String, String> columns = new HashMap<>();
      parser.getHeaderNames().forEach(h -> columns.put(h, h.strip().toLowerCase(Locale.ROOT)));
      Staged batch = new Staged(run.system());
      int rows = 0;
      for (CSVRecord record : parser) {
        String location = "row " + (record.getRecordNumber() + 1);
        if (SourceRow.rejectedAsBroken(run, name, record, columns.size())) {
          continue;
        }
        Map<String, String> values = new HashMap<>();
        columns.forEach((h, c) -> values.put(c, record.get(h)));
        SourceRow row = new SourceRow(name, location, values, reference, year);
        switch (kind) {
          case PEOPLE -> person(run, batch, row);
          case RELATIONSHIPS -> relationship(run, batch, row);
          case CONTACTS -> contact(run, batch, row);
          case INVOLVEMENTS -> involvement(run, batch, row, partOf);
          case EVENTS -> event(run, batch, row);
          case COVERAGE -> coverage(run, row, window);
        }
        if (++rows % ROWS_PER_BATCH == 0) {
          run.write(batch);
          batch = new Staged(run.system());
        }
      }
      run.write(batch);
      if (!partOf.isEmpty()) {
        // Parts are linked once the whole file is in: a plan may come before its programme.
        Staged links = new Staged(run.system());
        partOf.forEach(p -> links.partOf(p[0], p[1]));
        run.write(links);
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new ImportFailedException(name + ": cannot read as CSV: " + e.getMessage());
    }
  }

  private static LocalDate date(SourceRow row, String field, boolean required) {
    return row.anyDate(field, required);
  }

  /** A date-time: ISO with or without offset (local times are UK time), or a bare date. */
  private static OffsetDateTime dateTime(SourceRow row, String field, boolean required) {
    String v = row.text(field);
    if (v == null) {
      if (required) {
        row.problem(field, null, "required date and time is missing", true);
      }
      return null;
    }
    try {
      OffsetDateTime t;
      if (v.length() <= 10) {
        t = LocalDate.parse(v).atStartOfDay(LONDON).toOffsetDateTime();
      } else if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        t = OffsetDateTime.parse(v.replace(' ', 'T'));
      } else {
        t = LocalDateTime.parse(v.replace(' ', 'T')).atZone(LONDON).toOffsetDateTime();
      }
      if (t.toLocalDate().isAfter(row.referenceDate())) {
        row.problem(
            field,
            v,
            "date is after the extract's reference date " + row.referenceDate(),
            required);
        return null;
      }
      return t;
    } catch (DateTimeParseException e) {
      row.problem(
          field, v, "not a valid date and time (expected yyyy-mm-ddThh:mm[:ss][+01:00])", required);
      return null;
    }
  }

  private static String oneOf(SourceRow row, String field, Set<String> allowed, boolean required) {
    String v = row.text(field);
    if (v == null) {
      if (required) {
        row.problem(field, null, "required value is missing", true);
      }
      return null;
    }
    String upper = v.toUpperCase(Locale.ROOT);
    if (!allowed.contains(upper)) {
      row.problem(field, v, "not one of " + allowed.stream().sorted().toList(), required);
      return null;
    }
    return upper;
  }

  private static String upperSnake(SourceRow row, String field) {
    String v = row.required(field);
    if (v != null && !v.matches("[A-Za-z][A-Za-z0-9_]{1,59}")) {
      row.problem(
          field, v, "a kind is 2-60 letters, digits and underscores, e.g. SCHOOL_ENROLMENT", true);
      return null;
    }
    return v == null ? null : v.toUpperCase(Locale.ROOT);
  }

  private static List<String> needCodes(SourceRow row, String field) {
    String v = row.text(field);
    if (v == null) {
      return null;
    }
    List<String> codes = new ArrayList<>();
    for (String c : v.split("[;| ]+")) {
      if (c.isBlank()) {
        continue;
      }
      String code = c.strip().toUpperCase(Locale.ROOT);
      if (CodeLists.valid("CIN_FACTOR", code, row.collectionYear())) {
        codes.add(code);
      } else {
        row.problem(field, c, CodeLists.unknown("CIN_FACTOR", code, row.collectionYear()), false);
      }
    }
    return codes;
  }

  private static void person(ImportRun run, Staged batch, SourceRow row) {
    String id = personId(row, "person_id");
    String type = oneOf(row, "person_type", Set.of("CHILD", "ADULT"), true);
    LocalDate birth = date(row, "birth_date", false);
    String nhs = row.nhsNumber("nhs_number");
    String upn = row.upn("upn");
    String sex = oneOf(row, "sex", Set.of("M", "F", "U"), false);
    String ethnicity = row.code("ethnicity", "ETHNICITY", false);
    String restriction = oneOf(row, "restriction", RESTRICTIONS, false);
    OffsetDateTime changed = dateTime(row, "changed_at", false);
    String scheme = row.text("other_id_scheme");
    String other = row.text("other_id");
    if ((scheme == null) != (other == null)) {
      row.problem(
          scheme == null ? "other_id_scheme" : "other_id",
          scheme == null ? other : scheme,
          "other_id and other_id_scheme go together",
          false);
      scheme = null;
    } else if (scheme != null && !scheme.matches("[A-Z][A-Z0-9_]{1,30}(@[A-Za-z0-9]{1,12})?")) {
      row.problem(
          "other_id_scheme", scheme, "a scheme is like YOT_NUMBER@999 or POLICE_ID@FORCE1", false);
      scheme = null;
    }
    if (!row.report(run)) {
      return;
    }
    Map<String, Object> props =
        Staged.row(
            "givenName",
            row.text("given_name"),
            "familyName",
            row.text("family_name"),
            "birthDate",
            birth,
            "sex",
            sex,
            "ethnicity",
            ethnicity,
            "postcode",
            row.text("postcode"),
            "restricted",
            restriction == null ? null : true,
            "restriction",
            restriction,
            "changedAt",
            changed);
    String record = batch.person(id, "CHILD".equals(type), props, row.src());
    if (nhs != null) {
      batch.identifier(record, "NHS", nhs);
    }
    if (upn != null) {
      batch.identifier(record, "UPN", upn);
    }
    if (scheme != null) {
      batch.identifier(record, scheme, other);
    }
    batch.sourceRecords++;
  }

  private static String personId(SourceRow row, String field) {
    String id = row.required(field);
    if (id != null && !id.matches("[A-Za-z0-9_\\-/.]{1,40}")) {
      row.problem(field, id, "not an id (1-40 letters, digits, - _ / .)", true);
      return null;
    }
    return id;
  }

  /** Facts name a person the file set may not describe: their record is created bare. */
  private static String referencedPerson(Staged batch, String id, SourceRow row) {
    return batch.person(id, true, Map.of(), row.src());
  }

  private static void relationship(ImportRun run, Staged batch, SourceRow row) {
    String person = personId(row, "person_id");
    String related = personId(row, "related_person_id");
    Set<String> all = new HashSet<>(PARENTS);
    all.addAll(CARERS);
    all.add("SIBLING");
    String relationship = oneOf(row, "relationship", all, true);
    Boolean pr = row.flag("parental_responsibility");
    LocalDate from = date(row, "from", false);
    LocalDate to = date(row, "to", false);
    if (from != null && to != null && to.isBefore(from)) {
      row.problem("to", row.text("to"), "ends before it starts", true);
    }
    if (!row.report(run)) {
      return;
    }
    String type =
        "SIBLING".equals(relationship)
            ? "SIBLING_OF"
            : PARENTS.contains(relationship) ? "PARENT_OF" : "CARER_OF";
    batch.family.add(
        Staged.row(
            "adult",
            batch.system() + ":" + person,
            "child",
            batch.system() + ":" + related,
            "type",
            type,
            "props",
            Staged.row(
                "relationship",
                relationship,
                "parentalResponsibility",
                pr,
                "from",
                from,
                "to",
                to,
                "sourceSystem",
                batch.system())));
    batch.sourceRecords++;
  }

  private static void contact(ImportRun run, Staged batch, SourceRow row) {
    String id = personId(row, "contact_id");
    String person = personId(row, "person_id");
    OffsetDateTime received = dateTime(row, "received_at", true);
    String source = row.code("source", "CIN_REFERRAL_SOURCE", false);
    String decision = oneOf(row, "decision", DECISIONS, false);
    OffsetDateTime decided = dateTime(row, "decided_at", false);
    if (received != null && decided != null && decided.isBefore(received)) {
      row.problem("decided_at", row.text("decided_at"), "decided before it was received", true);
    }
    OffsetDateTime changed = dateTime(row, "changed_at", false);
    String ledTo = row.text("led_to_involvement_id");
    if (!row.report(run)) {
      return;
    }
    String record = referencedPerson(batch, person, row);
    batch.contact(
        batch.system() + ":CONTACT:" + id,
        record,
        ledTo == null ? null : batch.system() + ":INV:" + ledTo,
        Staged.row(
            "receivedAt",
            received,
            "date",
            received.toLocalDate(),
            "source",
            source,
            "decision",
            decision,
            "decidedAt",
            decided,
            "team",
            row.text("team"),
            "service",
            oneOf(row, "service", SERVICES, false),
            "changedAt",
            changed),
        row.src());
    batch.sourceRecords++;
  }

  private static void involvement(
      ImportRun run, Staged batch, SourceRow row, List<String[]> partOf) {
    String id = personId(row, "involvement_id");
    String person = personId(row, "person_id");
    String service = oneOf(row, "service", SERVICES, true);
    String kind = upperSnake(row, "kind");
    LocalDate start = date(row, "start", true);
    LocalDate end = date(row, "end", false);
    if (start != null && end != null && end.isBefore(start)) {
      row.problem("end", row.text("end"), "ends before it starts (" + start + ")", true);
    }
    List<String> needs = needCodes(row, "need_codes");
    OffsetDateTime changed = dateTime(row, "changed_at", false);
    if (!row.report(run)) {
      return;
    }
    String record = referencedPerson(batch, person, row);
    String invId = batch.system() + ":INV:" + id;
    String team = row.text("team");
    batch.involvement(
        invId,
        record,
        kind,
        service,
        Staged.row(
            "start",
            start,
            "end",
            end,
            "closureReason",
            row.text("closure_reason"),
            "needCodes",
            needs,
            "programme",
            row.text("programme"),
            "teamName",
            team,
            "changedAt",
            changed),
        row.src());
    if (team != null) {
      String teamId = batch.system() + ":TEAM:" + team;
      batch.teams.put(
          teamId,
          Staged.row(
              "id", teamId, "name", team, "service", service, "sourceSystem", batch.system()));
      batch.involvements.get(batch.involvements.size() - 1).put("team", teamId);
    }
    String worker = row.text("worker_id");
    if (worker != null) {
      batch.allocation(
          batch.system() + ":WORKER:" + worker,
          row.text("worker_name"),
          invId,
          start,
          Staged.row("role", row.text("worker_role"), "lead", true, "to", end));
    }
    String parent = row.text("part_of");
    if (parent != null) {
      partOf.add(new String[] {invId, batch.system() + ":INV:" + parent});
    }
    batch.sourceRecords++;
  }

  private static void event(ImportRun run, Staged batch, SourceRow row) {
    String id = personId(row, "event_id");
    String person = personId(row, "person_id");
    String service = oneOf(row, "service", SERVICES, true);
    String kind = upperSnake(row, "kind");
    LocalDate date = date(row, "date", true);
    Boolean traumatic = row.flag("traumatic");
    Boolean strength = row.flag("strength");
    List<String> needs = needCodes(row, "need_codes");
    OffsetDateTime changed = dateTime(row, "changed_at", false);
    if (!row.report(run)) {
      return;
    }
    String record = referencedPerson(batch, person, row);
    batch.event(
        batch.system() + ":EVT:" + id,
        record,
        kind,
        service,
        date,
        Staged.row(
            "traumatic",
            traumatic,
            "strength",
            strength,
            "needCodes",
            needs,
            "detail",
            row.text("detail"),
            "changedAt",
            changed),
        row.src());
    batch.sourceRecords++;
  }

  private static void coverage(ImportRun run, SourceRow row, LocalDate[] window) {
    oneOf(row, "service", SERVICES, true);
    LocalDate from = date(row, "covered_from", true);
    LocalDate to = date(row, "covered_to", true);
    if (from != null && to != null && to.isBefore(from)) {
      row.problem("covered_to", row.text("covered_to"), "ends before it starts", true);
    }
    if (row.report(run)) {
      window[0] = window[0] == null || from.isBefore(window[0]) ? from : window[0];
      window[1] = window[1] == null || to.isAfter(window[1]) ? to : window[1];
    }
  }
}
