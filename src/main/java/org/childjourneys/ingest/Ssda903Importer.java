package org.childjourneys.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The SSDA903 return (children looked after): a folder of CSV tables, any subset, each recognised
 * by its header row. Episodes are change records; they are turned into periods of care and
 * placements by the DfE rules in {@link PeriodsOfCare}.
 */
final class Ssda903Importer implements Importer {

  /** The 903 tables and the columns that identify each. */
  enum Table {
    HEADER(List.of(), "CHILD", "SEX", "DOB", "ETHNIC"),
    EPISODES(
        List.of("LAC_EPISODE", "PLACEMENT", "LEGAL_STATUS"),
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "PLACE"),
    REVIEWS(List.of("LAC_REVIEW"), "CHILD", "REVIEW", "REVIEW_CODE"),
    UASC(List.of(), "CHILD", "DUC"),
    MISSING(List.of("MISSING", "AWAY"), "CHILD", "MISSING", "MIS_START"),
    OC2(List.of("LAC_OUTCOMES"), "CHILD", "SDQ_SCORE", "CONVICTED"),
    OC3(List.of("CARE_LEAVER_OUTCOME"), "CHILD", "IN_TOUCH", "ACTIV", "ACCOM"),
    AD1(List.of("ADOPTION_DECISION"), "CHILD", "DATE_INT", "DATE_MATCH"),
    PLACED_ADOPTION(List.of("PLACED_FOR_ADOPTION"), "CHILD", "DATE_PLACED"),
    PREV_PERM(List.of("PREVIOUS_PERMANENCE"), "CHILD", "PREV_PERM"),
    SOCIAL_WORKER(List.of(), "CHILD", "SW_ID", "SW_DECOM");

    final List<String> columns;

    /** The kinds of fact the table is the source of: a snapshot with the table retires them. */
    final List<String> kinds;

    Table(List<String> kinds, String... columns) {
      this.kinds = kinds;
      this.columns = List.of(columns);
    }

    static Table recognise(Set<String> header) {
      Table best = null;
      for (Table t : values()) {
        if (header.containsAll(t.columns)
            && (best == null || t.columns.size() > best.columns.size())) {
          best = t;
        }
      }
      return best;
    }
  }

  private static final int CHILDREN_PER_BATCH = 500;

  @Override
  public ImportFormat format() {
    return ImportFormat.SSDA903;
  }

  @Override
  public void read(ImportRun run) throws IOException {
    List<Path> files = csvFiles(run.request().files());
    Map<Table, List<Raw>> tables = new EnumMap<>(Table.class);
    for (Path file : files) {
      readTable(run, file, tables);
    }
    if (tables.isEmpty()) {
      throw new ImportFailedException(
          "None of the files is an SSDA903 table (recognised by the header row, e.g. CHILD,DECOM,RNE,LS,...): "
              + files.stream().map(f -> f.getFileName().toString()).toList());
    }
    LocalDate reference = run.referenceDate();
    if (reference == null) {
      reference = inferReferenceDate(tables);
      run.referenceDate(reference);
    }
    int year = collectionYear(reference);
    run.coverage(reference.minusYears(1).plusDays(1), reference);
    tables.keySet().forEach(t -> run.snapshotKinds(Set.copyOf(t.kinds)));
    String la = run.request().laCode() == null ? "LA" : run.request().laCode();

    Map<String, ChildRows> children = new TreeMap<>();
    for (Map.Entry<Table, List<Raw>> e : tables.entrySet()) {
      for (Raw raw : e.getValue()) {
        SourceRow row = new SourceRow(raw.file, "row " + raw.line, raw.values, reference, year);
        String child = row.required("CHILD");
        if (child != null && !child.matches("[A-Za-z0-9_\\-/]{1,20}")) {
          row.problem("CHILD", child, "not a child id (1-20 letters, digits, - _ /)", true);
        }
        children
            .computeIfAbsent(child == null ? "" : child, k -> new ChildRows())
            .add(e.getKey(), row);
      }
    }
    ChildRows orphans = children.remove("");
    if (orphans != null) {
      orphans.all().forEach(r -> r.report(run));
    }
    run.phase("writing children");
    int done = 0;
    Staged batch = new Staged(run.system());
    for (Map.Entry<String, ChildRows> e : children.entrySet()) {
      stageChild(run, batch, la, e.getKey(), e.getValue());
      if (++done % CHILDREN_PER_BATCH == 0) {
        run.write(batch);
        batch = new Staged(run.system());
        run.progress(done, children.size());
      }
    }
    run.write(batch);
    run.progress(done, children.size());
  }

  /** The rows of one child, by table. */
  private static final class ChildRows {
    final Map<Table, List<SourceRow>> rows = new EnumMap<>(Table.class);

    void add(Table t, SourceRow r) {
      rows.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
    }

    List<SourceRow> of(Table t) {
      return rows.getOrDefault(t, List.of());
    }

    Stream<SourceRow> all() {
      return rows.values().stream().flatMap(List::stream);
    }
  }

  private void stageChild(ImportRun run, Staged batch, String la, String child, ChildRows rows) {
    String prefix = run.system() + ":" + child;
    Map<String, Object> person = new HashMap<>();
    person.put("localId", child);
    String upn = null;
    Staged.Src headerSrc = null;
    for (SourceRow h : rows.of(Table.HEADER)) {
      String sex = h.code("SEX", "903_SEX", false);
      LocalDate dob = h.ukDate("DOB", true);
      String ethnic = h.code("ETHNIC", "ETHNICITY", false);
      // In the 903 Header the UPN column carries a UPNunknown code (UN1-UN10) when there is no UPN.
      boolean unknownCode =
          h.text("UPN") != null && h.text("UPN").toUpperCase(Locale.ROOT).matches("UN\\d{1,2}");
      String upnCode = unknownCode ? h.code("UPN", "CIN_UPN_UNKNOWN", false) : null;
      String candidateUpn = unknownCode ? null : h.upn("UPN");
      Boolean mother = h.flag("MOTHER");
      LocalDate childDob = h.ukDate("MC_DOB", false);
      if (headerSrc != null) {
        h.problem(
            "CHILD",
            child,
            "child appears twice in the header table; first at " + headerSrc.location(),
            true);
      }
      if (h.report(run)) {
        headerSrc = h.src();
        person.put("sex", sex == null ? null : sex.equals("1") ? "M" : "F");
        person.put("birthDate", dob);
        person.put("ethnicity", ethnic);
        person.put("isMother", mother);
        person.put("childBirthDate", childDob);
        person.put("upnUnknown", upnCode);
        upn = candidateUpn;
        batch.sourceRecords++;
      }
    }
    for (SourceRow u : rows.of(Table.UASC)) {
      LocalDate ceased = u.ukDate("DUC", false);
      if (u.report(run)) {
        person.put("uasc", true);
        person.put("uascCeased", ceased);
        batch.sourceRecords++;
      }
    }

    List<PeriodsOfCare.Episode> episodes = new ArrayList<>();
    Map<LocalDate, String> seenStarts = new HashMap<>();
    for (SourceRow r : rows.of(Table.EPISODES)) {
      LocalDate decom = r.ukDate("DECOM", true);
      String rne = r.code("RNE", "903_RNE", true);
      String ls = r.code("LS", "903_LS", true);
      String place = r.code("PLACE", "903_PLACE", true);
      String provider = r.code("PLACE_PROVIDER", "903_PLACE_PROVIDER", false);
      String cin = r.code("CIN", "903_CIN", false);
      LocalDate dec = r.ukDate("DEC", false);
      String rec = r.code("REC", "903_REC", false);
      String reason = r.code("REASON_PLACE_CHANGE", "903_REASON_PLACE_CHANGE", false);
      if (decom != null && dec != null && dec.isBefore(decom)) {
        r.problem(
            "DEC",
            r.text("DEC"),
            "episode ends before it starts (DECOM " + r.text("DECOM") + ")",
            true);
      }
      if (dec != null && rec == null && r.text("REC") == null) {
        r.problem("REC", null, "an episode with an end date needs a reason it ended", true);
      }
      if (dec == null && rec != null) {
        r.problem("DEC", null, "an episode with a reason it ended needs an end date", true);
      }
      if (decom != null && seenStarts.containsKey(decom)) {
        r.problem(
            "DECOM",
            r.text("DECOM"),
            "a second episode starting the same day; first at " + seenStarts.get(decom),
            true);
      }
      if (r.report(run)) {
        seenStarts.put(decom, r.location);
        episodes.add(
            new PeriodsOfCare.Episode(
                decom,
                rne,
                ls,
                cin,
                place,
                provider,
                dec,
                rec,
                reason,
                r.text("HOME_POST"),
                r.text("PL_POST"),
                r.text("URN"),
                r.src()));
        batch.sourceRecords++;
      }
    }
    List<PeriodsOfCare.Period> periods = PeriodsOfCare.build(episodes);
    boolean adopted =
        periods.stream()
            .anyMatch(p -> "E11".equals(p.reasonEnded()) || "E12".equals(p.reasonEnded()));
    if (adopted) {
      person.put("adopted", true);
    }
    String record =
        batch.person(
            child,
            true,
            person,
            headerSrc != null
                ? headerSrc
                : episodes.isEmpty()
                    ? rows.all().findFirst().orElseThrow().src()
                    : episodes.get(0).src());
    batch.identifier(record, "LA_CHILD_ID@" + la, child);
    if (upn != null) {
      batch.identifier(record, "UPN", upn);
    }

    for (PeriodsOfCare.Period p : periods) {
      String periodId = prefix + ":POC:" + p.start();
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("start", p.start());
      props.put("end", p.end());
      props.put("reasonEnded", p.reasonEnded());
      props.put("legalStatus", p.latestLegalStatus());
      props.put("legalStatusAtStart", p.episodes().get(0).ls());
      props.put("categoryOfNeed", p.episodes().get(0).cin());
      props.put("startedBeforeData", !"S".equals(p.episodes().get(0).rne()));
      props.put("shortBreaksOnly", p.shortBreaksOnly());
      props.put("episodes", p.episodes().size());
      props.put("placements", p.countedPlacements());
      props.put("statutoryKey", la + ":" + child + ":LAC_EPISODE:" + p.start());
      batch.involvement(
          periodId, record, "LAC_EPISODE", "SOCIAL_CARE", props, p.episodes().get(0).src());
      String previous = null;
      for (PeriodsOfCare.Episode ep : p.episodes()) {
        if (!ep.ls().equals(previous)) {
          batch.event(
              periodId + ":LS:" + ep.decom(),
              record,
              "LEGAL_STATUS",
              "SOCIAL_CARE",
              ep.decom(),
              Map.of("legalStatus", ep.ls(), "periodOfCare", periodId),
              ep.src());
          previous = ep.ls();
        }
      }
      int sequence = 0;
      for (PeriodsOfCare.Placement pl : p.placements()) {
        Map<String, Object> pp = new LinkedHashMap<>();
        PeriodsOfCare.Episode first = pl.first();
        pp.put("placementType", first.place());
        pp.put("provider", first.provider());
        pp.put("start", pl.start());
        pp.put("end", pl.end());
        pp.put("reasonNewEpisode", first.rne());
        pp.put("reasonChanged", pl.reasonChanged());
        pp.put("sequence", ++sequence);
        pp.put("postcode", first.placementPostcode());
        pp.put("homePostcode", first.homePostcode());
        pp.put("urn", first.urn());
        pp.put("temporary", pl.temporary());
        pp.put("countsAsPlacement", pl.counts());
        batch.placement(periodId + ":PL:" + pl.start(), periodId, pp, first.src());
      }
    }

    for (SourceRow m : rows.of(Table.MISSING)) {
      String kind = m.code("MISSING", "903_MISSING", true);
      LocalDate start = m.ukDate("MIS_START", true);
      LocalDate end = m.ukDate("MIS_END", false);
      if (start != null && end != null && end.isBefore(start)) {
        m.problem("MIS_END", m.text("MIS_END"), "missing episode ends before it starts", true);
      }
      if (m.report(run)) {
        batch.event(
            prefix + ":MISSING:" + start,
            record,
            kind.equals("M") ? "MISSING" : "AWAY",
            "SOCIAL_CARE",
            start,
            props("end", end),
            m.src());
        batch.sourceRecords++;
      }
    }
    for (SourceRow r : rows.of(Table.REVIEWS)) {
      LocalDate date = r.ukDate("REVIEW", true);
      String code = r.code("REVIEW_CODE", "903_REVIEW_CODE", false);
      if (r.report(run)) {
        batch.event(
            prefix + ":REVIEW:" + date,
            record,
            "LAC_REVIEW",
            "SOCIAL_CARE",
            date,
            props("participation", code),
            r.src());
        batch.sourceRecords++;
      }
    }
    LocalDate reference = run.referenceDate();
    for (SourceRow r : rows.of(Table.OC3)) {
      String inTouch = r.code("IN_TOUCH", "903_OC3_IN_TOUCH", true);
      String activity = r.code("ACTIV", "903_OC3_ACTIV", false);
      String accommodation = r.code("ACCOM", "903_OC3_ACCOM", false);
      if (r.report(run)) {
        batch.event(
            prefix + ":OC3:" + reference,
            record,
            "CARE_LEAVER_OUTCOME",
            "SOCIAL_CARE",
            reference,
            props("inTouch", inTouch, "activity", activity, "accommodation", accommodation),
            r.src());
        batch.sourceRecords++;
      }
    }
    for (SourceRow r : rows.of(Table.OC2)) {
      Integer sdq = r.integer("SDQ_SCORE", 0, 40);
      Map<String, Object> content =
          props(
              "sdqScore",
              sdq,
              "sdqReason",
              r.text("SDQ_REASON"),
              "convicted",
              r.flag("CONVICTED"),
              "healthCheck",
              r.flag("HEALTH_CHECK"),
              "immunisations",
              r.flag("IMMUNISATIONS"),
              "teethCheck",
              r.flag("TEETH_CHECK"),
              "healthAssessment",
              r.flag("HEALTH_ASSESSMENT"),
              "substanceMisuse",
              r.flag("SUBSTANCE_MISUSE"),
              "interventionReceived",
              r.flag("INTERVENTION_RECEIVED"),
              "interventionOffered",
              r.flag("INTERVENTION_OFFERED"));
      if (r.report(run)) {
        batch.event(
            prefix + ":OC2:" + reference,
            record,
            "LAC_OUTCOMES",
            "SOCIAL_CARE",
            reference,
            content,
            r.src());
        batch.sourceRecords++;
      }
    }
    for (SourceRow r : rows.of(Table.AD1)) {
      LocalDate decided = r.ukDate("DATE_INT", true);
      LocalDate matched = r.ukDate("DATE_MATCH", false);
      Map<String, Object> content =
          props(
              "dateMatched",
              matched,
              "fosterCare",
              r.flag("FOSTER_CARE"),
              "numberOfAdopters",
              r.text("NB_ADOPTR"),
              "sexOfAdopters",
              r.text("SEX_ADOPTR"),
              "legalStatusOfAdopters",
              r.text("LS_ADOPTR"));
      if (r.report(run)) {
        batch.event(
            prefix + ":AD1:" + decided,
            record,
            "ADOPTION_DECISION",
            "SOCIAL_CARE",
            decided,
            content,
            r.src());
        batch.sourceRecords++;
      }
    }
    for (SourceRow r : rows.of(Table.PLACED_ADOPTION)) {
      LocalDate placed = r.ukDate("DATE_PLACED", true);
      LocalDate ceased = r.ukDate("DATE_PLACED_CEASED", false);
      if (placed != null && ceased != null && ceased.isBefore(placed)) {
        r.problem("DATE_PLACED_CEASED", r.text("DATE_PLACED_CEASED"), "ceased before placed", true);
      }
      if (r.report(run)) {
        batch.event(
            prefix + ":PLACED_FOR_ADOPTION:" + placed,
            record,
            "PLACED_FOR_ADOPTION",
            "SOCIAL_CARE",
            placed,
            props("ceased", ceased, "reasonCeased", r.text("REASON_PLACED_CEASED")),
            r.src());
        batch.sourceRecords++;
      }
    }
    for (SourceRow r : rows.of(Table.PREV_PERM)) {
      String previous = r.code("PREV_PERM", "903_PREV_PERM", true);
      String when = r.text("DATE_PERM");
      if (r.report(run)) {
        // DATE_PERM may be partly unknown (zz/mm/yyyy): kept as written.
        batch.event(
            prefix + ":PREV_PERM",
            record,
            "PREVIOUS_PERMANENCE",
            "SOCIAL_CARE",
            reference,
            props(
                "previousPermanence",
                previous,
                "laOfPermanence",
                r.text("LA_PERM"),
                "datePermanence",
                when),
            r.src());
        batch.sourceRecords++;
      }
    }
    for (SourceRow r : rows.of(Table.SOCIAL_WORKER)) {
      String worker = r.required("SW_ID");
      LocalDate from = r.ukDate("SW_DECOM", true);
      LocalDate to = r.ukDate("SW_DEC", false);
      if (from != null && to != null && to.isBefore(from)) {
        r.problem("SW_DEC", r.text("SW_DEC"), "allocation ends before it starts", true);
      }
      PeriodsOfCare.Period period =
          from == null
              ? null
              : periods.stream().filter(p -> p.covers(from)).findFirst().orElse(null);
      if (from != null && period == null) {
        r.problem(
            "SW_DECOM", r.text("SW_DECOM"), "no period of care of this child on that date", true);
      }
      if (r.report(run)) {
        batch.allocation(
            "SSDA903-SW@" + la + ":" + worker,
            null,
            prefix + ":POC:" + period.start(),
            from,
            props(
                "role", "SOCIAL_WORKER", "lead", true, "to", to, "endReason", r.text("SW_REASON")));
        batch.sourceRecords++;
      }
    }
  }

  private static Map<String, Object> props(Object... kv) {
    return Staged.row(kv);
  }

  private record Raw(String file, long line, Map<String, String> values) {}

  private static void readTable(ImportRun run, Path file, Map<Table, List<Raw>> tables)
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
                .setAllowMissingColumnNames(true)
                .get()
                .parse(reader)) {
      Set<String> header = new HashSet<>();
      for (String h : parser.getHeaderNames()) {
        header.add(h.strip().toUpperCase(Locale.ROOT));
      }
      Table table = Table.recognise(header);
      if (table == null) {
        run.reject(
            name,
            "header",
            null,
            String.join(",", parser.getHeaderNames()),
            "not an SSDA903 table: the header row matches none of Header, Episodes, Reviews, UASC,"
                + " Missing, OC2, OC3, AD1, PlacedAdoption, PrevPerm, SocialWorker");
        return;
      }
      Map<String, String> columns = new HashMap<>();
      for (String h : parser.getHeaderNames()) {
        columns.put(h, h.strip().toUpperCase(Locale.ROOT));
      }
      List<Raw> rows = tables.computeIfAbsent(table, k -> new ArrayList<>());
      for (CSVRecord record : parser) {
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, String> c : columns.entrySet()) {
          if (record.isSet(c.getKey())) {
            values.put(c.getValue(), record.get(c.getKey()));
          }
        }
        long line = record.getRecordNumber() + 1;
        if (SourceRow.rejectedAsBroken(run, name, record, columns.size())) {
          continue;
        }
        rows.add(new Raw(name, line, values));
      }
    } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
      run.reject(name, "file", null, null, "cannot read as CSV: " + e.getMessage());
    }
  }

  static List<Path> csvFiles(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
              .sorted(Comparator.comparing(Path::toString))
              .forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }

  /** The 31 March that ends the collection year of the latest date in the episodes. */
  private static LocalDate inferReferenceDate(Map<Table, List<Raw>> tables) {
    LocalDate latest = null;
    for (Raw r : tables.getOrDefault(Table.EPISODES, List.of())) {
      for (String f : List.of("DECOM", "DEC")) {
        LocalDate d = parseQuietly(r.values.get(f));
        // A mistyped year (2062) must not move the reference date: it is then rejected.
        if (d != null && !d.isAfter(LocalDate.now()) && (latest == null || d.isAfter(latest))) {
          latest = d;
        }
      }
    }
    if (latest == null) {
      latest = LocalDate.now();
    }
    LocalDate march = MonthDay.of(3, 31).atYear(latest.getYear());
    return latest.isAfter(march) ? march.plusYears(1) : march;
  }

  static int collectionYear(LocalDate reference) {
    LocalDate march = MonthDay.of(3, 31).atYear(reference.getYear());
    return reference.isAfter(march) ? reference.getYear() + 1 : reference.getYear();
  }

  private static LocalDate parseQuietly(String v) {
    try {
      return v == null || v.isBlank() ? null : LocalDate.parse(v.strip(), SourceRow.UK_DATE);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
