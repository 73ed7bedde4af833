package org.childjourneys.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Ofsted's Annex A: one sheet per list in an .xlsx workbook, or the same lists as CSV files. Every
 * list is a snapshot of the council's case management system on the day it was run: the child (by
 * Child Unique ID, the LA child id the CIN census and SSDA903 use, so records link exactly), and
 * per list a contact, an early help assessment, a referral, an assessment, a section 47 enquiry, a
 * child in need episode, a child protection plan or a period of care, with the allocated team and
 * worker. Lists 3 and 6 describe the same referral (CIN episode), so their rows for one child and
 * start date make one fact.
 */
final class AnnexAImporter implements Importer {

  private static final int CHILDREN_PER_BATCH = 2_000;
  private static final int MAX_ROWS_PER_SHEET = 1_000_000;

  @Override
  public ImportFormat format() {
    return ImportFormat.ANNEXA;
  }

  /** One row of a list, its values keyed by the header as written in the file. */
  private record ListRow(
      AnnexAList list,
      String file,
      String location,
      Map<String, String> values,
      Map<String, String> headerOf) {

    /** The header the file uses for a field, or the field's usual spelling when it is absent. */
    String column(String field) {
      String h = headerOf.get(field);
      if (h != null) {
        return h;
      }
      List<String> spellings = list.columns.getOrDefault(field, AnnexAList.COMMON.get(field));
      return spellings == null ? field : spellings.get(0);
    }
  }

  /** A fact being assembled from one or more rows (lists 3 and 6 share CIN episodes). */
  private static final class Fact {
    final String id;
    final String kind;
    final String service;
    final LocalDate start;
    final Map<String, Object> props = new HashMap<>();
    final Staged.Src src;
    String team;
    String worker;

    Fact(String id, String kind, String service, LocalDate start, Staged.Src src) {
      this.id = id;
      this.kind = kind;
      this.service = service;
      this.start = start;
      this.src = src;
    }

    void put(String key, Object value) {
      if (value != null) {
        props.putIfAbsent(key, value);
      }
    }
  }

  /** A child with what the lists say about them. */
  private static final class ChildRows {
    final String localId;
    final Map<String, Object> person = new HashMap<>();
    final Map<String, Fact> facts = new LinkedHashMap<>();
    final Map<String, Integer> contactsOnDay = new HashMap<>();
    Staged.Src firstSeen;

    ChildRows(String localId) {
      this.localId = localId;
    }
  }

  @Override
  public void read(ImportRun run) throws IOException {
    List<ListRow> rows = new ArrayList<>();
    Set<AnnexAList> present = new HashSet<>();
    List<Path> files = files(run.request().files());
    run.phase("reading " + files.size() + " file(s)");
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (Files.size(file) == 0) {
        run.reject(name, "file", null, null, "empty file");
        continue;
      }
      if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
        readWorkbook(run, file, rows, present);
      } else {
        readCsv(run, file, rows, present);
      }
    }
    if (present.stream().noneMatch(AnnexAList::loaded)) {
      throw new ImportFailedException(
          "None of the files or sheets is an Annex A list 1-8 (contacts, early help, referrals,"
              + " assessments, section 47, children in need, child protection, looked after)"
              + " with a Child Unique ID column: "
              + files.stream().map(f -> f.getFileName().toString()).toList());
    }

    LocalDate reference = run.referenceDate();
    if (reference == null) {
      reference = latestDate(rows);
      run.referenceDate(reference);
    }
    String la = run.request().laCode() == null ? "LA" : run.request().laCode();
    int year = Ssda903Importer.collectionYear(reference);
    Directory directory = new Directory(run.directoryNames());

    Map<String, ChildRows> children = new LinkedHashMap<>();
    Map<String, LocalDate> earliest = new HashMap<>();
    long valid = 0;
    rows.sort(Comparator.comparingInt(r -> r.list().number));
    for (ListRow r : rows) {
      if (stage(run, r, reference, year, la, children, earliest)) {
        valid++;
      }
    }

    run.phase("writing " + children.size() + " children");
    List<ChildRows> all = new ArrayList<>(children.values());
    for (int i = 0; i < all.size(); i += CHILDREN_PER_BATCH) {
      Staged batch = new Staged(run.system());
      for (ChildRows child : all.subList(i, Math.min(all.size(), i + CHILDREN_PER_BATCH))) {
        write(batch, child, la, directory);
      }
      if (i + CHILDREN_PER_BATCH >= all.size()) {
        batch.sourceRecords = valid;
      }
      run.write(batch);
      run.progress(Math.min(all.size(), i + CHILDREN_PER_BATCH), all.size());
    }
    if (all.isEmpty()) {
      Staged batch = new Staged(run.system());
      batch.sourceRecords = valid;
      run.write(batch);
    }
    // Each list is the whole truth from its earliest date to the day it was run, and no further:
    // a contacts list covering six months says nothing about contacts a year ago.
    for (Map.Entry<String, LocalDate> e : earliest.entrySet()) {
      run.coverage(e.getKey(), e.getValue(), reference);
    }
  }

  // ---- reading ----

  private static List<Path> files(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(Files::isRegularFile)
              .filter(
                  f -> {
                    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".csv") || n.endsWith(".xlsx");
                  })
              .sorted(Comparator.comparing(Path::toString))
              .forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }

  private static void readWorkbook(
      ImportRun run, Path file, List<ListRow> rows, Set<AnnexAList> present) {
    String name = file.getFileName().toString();
    DataFormatter formatter = new DataFormatter(Locale.UK);
    try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
      for (Sheet sheet : workbook) {
        List<List<String>> cells = new ArrayList<>();
        int last = Math.min(sheet.getLastRowNum(), MAX_ROWS_PER_SHEET);
        for (int r = 0; r <= last; r++) {
          Row row = sheet.getRow(r);
          List<String> values = new ArrayList<>();
          if (row != null) {
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
              values.add(text(row.getCell(c), formatter));
            }
          }
          cells.add(values);
        }
        if (sheet.getLastRowNum() > MAX_ROWS_PER_SHEET) {
          run.reject(
              name,
              "sheet '" + sheet.getSheetName() + "'",
              null,
              null,
              "more than " + MAX_ROWS_PER_SHEET + " rows: the rest of the sheet is not loaded");
        }
        table(
            run,
            name,
            "sheet '" + sheet.getSheetName() + "' ",
            sheet.getSheetName(),
            cells,
            rows,
            present);
      }
    } catch (EncryptedDocumentException e) {
      run.reject(
          name,
          "file",
          null,
          null,
          "the workbook is password-protected: save it without"
              + " a password (or export the lists as CSV) and import it again");
    } catch (IOException | RuntimeException e) {
      run.reject(
          name,
          "file",
          null,
          null,
          "not a readable .xlsx workbook ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")");
    }
  }

  /** A cell as text; dates (however formatted in Excel) as yyyy-mm-dd. */
  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return "";
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    return switch (type) {
      case NUMERIC ->
          DateUtil.isCellDateFormatted(cell)
              ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
              : formatter.formatRawCellContents(
                  cell.getNumericCellValue(),
                  cell.getCellStyle().getDataFormat(),
                  cell.getCellStyle().getDataFormatString());
      case STRING -> cell.getRichStringCellValue().getString();
      case BOOLEAN -> cell.getBooleanCellValue() ? "Yes" : "No";
      default -> "";
    };
  }

  private static void readCsv(ImportRun run, Path file, List<ListRow> rows, Set<AnnexAList> present)
      throws IOException {
    String name = file.getFileName().toString();
    List<List<String>> cells = new ArrayList<>();
    try (Reader reader = SourceText.open(file);
        CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(reader)) {
      for (CSVRecord record : parser) {
        List<String> values = new ArrayList<>();
        record.forEach(values::add);
        cells.add(values);
      }
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      run.reject(name, "file", null, null, "not a readable CSV file: " + e.getMessage());
      return;
    }
    table(run, name, "", name, cells, rows, present);
  }

  /**
   * One list: the header is the first row (within the first ten: templates put a title above it)
   * that names the child's id; each later non-blank row is a record.
   */
  private static void table(
      ImportRun run,
      String file,
      String where,
      String tableName,
      List<List<String>> cells,
      List<ListRow> rows,
      Set<AnnexAList> present) {
    int headerRow = -1;
    Set<String> childColumns = new HashSet<>();
    AnnexAList.COMMON.get("child").forEach(c -> childColumns.add(AnnexAList.normalise(c)));
    for (int r = 0; r < Math.min(10, cells.size()) && headerRow < 0; r++) {
      for (String c : cells.get(r)) {
        if (childColumns.contains(AnnexAList.normalise(c))) {
          headerRow = r;
          break;
        }
      }
    }
    AnnexAList byName = AnnexAList.byName(tableName);
    if (headerRow < 0) {
      if (cells.stream().allMatch(r -> r.stream().allMatch(String::isBlank))) {
        run.reject(
            file,
            where.isEmpty() ? "file" : where.strip(),
            null,
            null,
            "empty " + (where.isEmpty() ? "file" : "sheet"));
      } else {
        run.reject(
            file,
            (where + "header").strip(),
            null,
            null,
            "not an Annex A list: no Child Unique ID column in the first rows");
      }
      return;
    }
    List<String> header = cells.get(headerRow);
    Map<String, String> normalised = new LinkedHashMap<>();
    for (String h : header) {
      if (!h.isBlank()) {
        normalised.putIfAbsent(AnnexAList.normalise(h), h.strip());
      }
    }
    AnnexAList list = AnnexAList.recognise(normalised.keySet());
    if (list == null && byName != null && !byName.loaded()) {
      list = byName;
    }
    if (list == null) {
      run.reject(
          file,
          (where + "header").strip(),
          null,
          String.join(",", header),
          "not an Annex A list the service loads: none of the columns that mark lists 1-8"
              + " (e.g. Date of Contact, Date of Referral, CIN Start Date)");
      return;
    }
    present.add(list);
    if (!list.loaded()) {
      run.reject(
          file,
          (where + "header").strip(),
          null,
          null,
          "Annex A list "
              + list.number
              + " ("
              + list.title
              + ") is not loaded: it is not about"
              + " a child's journey through the services this import covers");
      return;
    }
    Map<String, String> headerOf = new HashMap<>();
    for (Map<String, List<String>> columns : List.of(list.columns, AnnexAList.COMMON)) {
      columns.forEach(
          (field, spellings) -> {
            for (String s : spellings) {
              String actual = normalised.get(AnnexAList.normalise(s));
              if (actual != null) {
                headerOf.putIfAbsent(field, actual);
                return;
              }
            }
          });
    }
    for (int r = headerRow + 1; r < cells.size(); r++) {
      List<String> values = cells.get(r);
      if (values.stream().allMatch(String::isBlank)) {
        continue;
      }
      Map<String, String> byHeader = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        String h = header.get(c).strip();
        if (!h.isEmpty() && !byHeader.containsKey(h)) {
          byHeader.put(h, c < values.size() ? plain(values.get(c)) : "");
        }
      }
      rows.add(new ListRow(list, file, where + "row " + (r + 1), byHeader, headerOf));
    }
  }

  /** Drops the "a) " that Ofsted's drop-down lists put before values. */
  private static String plain(String value) {
    return value.replaceFirst("^\\s*[a-z]\\)\\s+", "").strip();
  }

  private static LocalDate latestDate(List<ListRow> rows) {
    LocalDate latest = null;
    LocalDate today = LocalDate.now();
    for (ListRow r : rows) {
      for (String v : r.values().values()) {
        LocalDate d = quietDate(v);
        if (d != null && !d.isAfter(today) && (latest == null || d.isAfter(latest))) {
          latest = d;
        }
      }
    }
    return latest == null ? today : latest;
  }

  private static LocalDate quietDate(String v) {
    try {
      if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(v);
      }
      if (v.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
        return LocalDate.parse(v, SourceRow.UK_DATE);
      }
    } catch (java.time.format.DateTimeParseException e) {
      // not a date
    }
    return null;
  }

  // ---- validating and assembling ----

  private static boolean stage(
      ImportRun run,
      ListRow r,
      LocalDate reference,
      int year,
      String la,
      Map<String, ChildRows> children,
      Map<String, LocalDate> earliest) {
    AnnexAList list = r.list();
    Map<String, String> values = new HashMap<>(r.values());
    // Coded columns often carry the code and its label ("N4 - Family dysfunction").
    for (String field :
        List.of(
            "source",
            "primaryNeed",
            "closureReason",
            "initialCategory",
            "latestCategory",
            "legalStatus",
            "placementType",
            "reasonEnded",
            "ethnicity")) {
      String column = r.headerOf().get(field);
      String v = column == null ? null : values.get(column);
      if (v != null && v.matches("(?s)\\s*[A-Za-z0-9]{1,4}\\s*([-:)]|\\s).*")) {
        values.put(column, v.strip().split("[\\s\\-:)]", 2)[0]);
      }
    }
    SourceRow row = new SourceRow(r.file(), r.location(), values, reference, year);
    String child = row.required(r.column("child"));
    LocalDate keyDate = row.anyDate(r.column(list.keyDate), true);
    LocalDate birth = row.anyDate(r.column("birthDate"), false);
    String sex = sex(row, r.column("gender"));
    String ethnicity = row.code(r.column("ethnicity"), "ETHNICITY", false);
    LocalDate end = r.headerOf().containsKey("end") ? row.anyDate(r.column("end"), false) : null;
    if (keyDate != null && end != null && end.isBefore(keyDate)) {
      row.problem(
          r.column("end"),
          row.text(r.column("end")),
          "ends before it starts (" + keyDate + ")",
          true);
    }
    Map<String, Object> content = new HashMap<>();
    switch (list) {
      case CONTACTS ->
          content.put("source", row.code(r.column("source"), "CIN_REFERRAL_SOURCE", false));
      case EARLY_HELP -> content.put("organisation", row.text(r.column("organisation")));
      case REFERRALS -> {
        content.put("referralSource", row.code(r.column("source"), "CIN_REFERRAL_SOURCE", false));
        content.put("referralNfa", row.flag(r.column("nfa")));
        content.put("referralsInLast12Months", row.integer(r.column("referralsIn12Months"), 0, 99));
      }
      case ASSESSMENTS -> {
        content.put("disabled", row.flag(r.column("disabled")));
        content.put("needsSocialCare", row.flag(r.column("needsSupport")));
      }
      case SECTION_47 -> {
        LocalDate icpc = row.anyDate(r.column("icpc"), false);
        Boolean unnecessary = row.flag(r.column("icpcUnnecessary"));
        content.put("dateOfInitialCpc", icpc);
        content.put("icpcNotRequired", unnecessary);
        content.put("icpcResultedInPlan", row.flag(r.column("resultedInPlan")));
        content.put(
            "outcome", Boolean.TRUE.equals(unnecessary) ? "NO_ICPC" : icpc != null ? "ICPC" : null);
      }
      case CHILDREN_IN_NEED -> {
        content.put("closureReason", row.code(r.column("closureReason"), "CIN_CLOSURE", false));
        content.put("primaryNeed", row.code(r.column("primaryNeed"), "CIN_PRIMARY_NEED", false));
        content.put("lastSeen", row.anyDate(r.column("lastSeen"), false));
      }
      case CHILD_PROTECTION -> {
        content.put("initialCategory", row.code(r.column("initialCategory"), "CIN_ABUSE", false));
        content.put("latestCategory", row.code(r.column("latestCategory"), "CIN_ABUSE", false));
        content.put("numberOfPreviousPlans", row.integer(r.column("previousPlans"), 0, 50));
      }
      case LOOKED_AFTER -> {
        content.put("legalStatus", row.code(r.column("legalStatus"), "903_LS", false));
        content.put("reasonEnded", row.code(r.column("reasonEnded"), "903_REC", false));
        content.put("placementType", row.code(r.column("placementType"), "903_PLACE", false));
        content.put("latestPlacementStart", row.anyDate(r.column("latestPlacement"), false));
        content.put(
            "placementsInLast12Months", row.integer(r.column("placementsIn12Months"), 0, 99));
      }
      default -> throw new IllegalStateException("list " + list + " is not loaded");
    }
    if (!row.report(run)) {
      return false;
    }
    ChildRows c = children.computeIfAbsent(child, ChildRows::new);
    if (c.firstSeen == null) {
      c.firstSeen = row.src();
    }
    c.person.putIfAbsent("birthDate", birth);
    c.person.putIfAbsent("sex", sex);
    c.person.putIfAbsent("ethnicity", ethnicity);
    c.person.values().removeIf(v -> v == null);
    earliest.merge(list.kind, keyDate, (a, b) -> a.isBefore(b) ? a : b);

    String id;
    if (list == AnnexAList.CONTACTS) {
      int n = c.contactsOnDay.merge(keyDate.toString(), 1, Integer::sum);
      id = run.system() + ":" + child + ":CONTACT:" + keyDate + (n > 1 ? ":" + n : "");
    } else {
      String part =
          switch (list.kind) {
            case "CIN_EPISODE" -> "CIN";
            case "LAC_EPISODE" -> "POC";
            default -> list.kind;
          };
      id = run.system() + ":" + child + ":" + part + ":" + keyDate;
    }
    Fact fact =
        c.facts.computeIfAbsent(id, k -> new Fact(k, list.kind, list.service, keyDate, row.src()));
    fact.put("end", end);
    content.forEach(fact::put);
    fact.put("statutoryKey", la + ":" + child + ":" + list.kind + ":" + keyDate);
    // Rows are read in list order: list 6's current allocation overrides list 3's at referral.
    String team = row.text(r.column("team"));
    String worker = row.text(r.column("worker"));
    if (team != null || worker != null) {
      fact.team = team;
      fact.worker = worker;
    }
    return true;
  }

  private static String sex(SourceRow row, String field) {
    String v = row.text(field);
    if (v == null) {
      return null;
    }
    return switch (v.toUpperCase(Locale.ROOT)) {
      case "M", "MALE", "1", "BOY" -> "M";
      case "F", "FEMALE", "2", "GIRL" -> "F";
      case "U", "UNKNOWN", "NOT STATED", "NOT KNOWN", "0", "9", "INDETERMINATE", "OTHER" -> null;
      default -> {
        row.problem(field, v, "not a gender Annex A uses (Male, Female, Unknown)", false);
        yield null;
      }
    };
  }

  // ---- writing ----

  private static void write(Staged batch, ChildRows child, String la, Directory directory) {
    String record = batch.person(child.localId, true, child.person, child.firstSeen);
    batch.identifier(record, "LA_CHILD_ID@" + la, child.localId);
    for (Fact f : child.facts.values()) {
      if ("CONTACT".equals(f.kind)) {
        Map<String, Object> props = new HashMap<>(f.props);
        props.put(
            "receivedAt",
            f.start.atStartOfDay(java.time.ZoneId.of("Europe/London")).toOffsetDateTime());
        props.put("date", f.start);
        props.put("service", f.service);
        props.put("team", f.team);
        batch.contact(f.id, record, null, props, f.src);
        continue;
      }
      Map<String, Object> props = new HashMap<>(f.props);
      props.put("start", f.start);
      batch.involvement(f.id, record, f.kind, f.service, props, f.src);
      if (f.team != null) {
        String teamId = directory.team(f.team, batch.system());
        batch.teams.put(
            teamId,
            Staged.row(
                "id",
                teamId,
                "name",
                f.team,
                "service",
                f.service,
                "sourceSystem",
                batch.system(),
                "nameKey",
                Directory.key(f.team)));
        batch.involvements.get(batch.involvements.size() - 1).put("team", teamId);
      }
      if (f.worker != null) {
        String teamId = f.team == null ? null : directory.team(f.team, batch.system());
        batch.allocation(
            directory.worker(f.worker, teamId, batch.system()),
            f.worker,
            f.id,
            f.start,
            Staged.row("role", "ALLOCATED_WORKER", "lead", true, "to", f.props.get("end")));
      }
    }
  }

  /**
   * Annex A names teams and workers; the staff directory (imported first) knows their ids, phones
   * and e-mails. A name the directory knows once resolves to that entry; a worker named in several
   * teams resolves to the one in the allocated team; anything else gets an Annex A entry of its
   * own.
   */
  static final class Directory {
    private final Map<String, List<String>> teams = new HashMap<>();
    private final Map<String, List<GraphUpserter.NamedEntry>> workers = new HashMap<>();

    Directory(List<GraphUpserter.NamedEntry> entries) {
      for (GraphUpserter.NamedEntry e : entries) {
        if ("Team".equals(e.label())) {
          teams.computeIfAbsent(e.nameKey(), k -> new ArrayList<>()).add(e.id());
        } else {
          workers.computeIfAbsent(e.nameKey(), k -> new ArrayList<>()).add(e);
        }
      }
    }

    static String key(String name) {
      return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    String team(String name, String system) {
      List<String> ids = teams.get(key(name));
      return ids != null && ids.size() == 1 ? ids.get(0) : system + ":TEAM:" + name.strip();
    }

    String worker(String name, String teamId, String system) {
      List<GraphUpserter.NamedEntry> found = workers.getOrDefault(key(name), List.of());
      if (found.size() == 1) {
        return found.get(0).id();
      }
      List<GraphUpserter.NamedEntry> inTeam =
          found.stream().filter(w -> teamId != null && w.teams().contains(teamId)).toList();
      if (inTeam.size() == 1) {
        return inTeam.get(0).id();
      }
      return system + ":WORKER:" + key(name);
    }
  }
}
