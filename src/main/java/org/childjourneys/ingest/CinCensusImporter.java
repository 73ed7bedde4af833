package org.childjourneys.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The CIN census XML ({@code <Message><Header/><Children><Child>}). The CIN episode (referral to
 * closure) is the unit; assessments, CIN plans, s47 enquiries and child protection plans are
 * involvements inside it. Parsed as a stream, one child at a time, with DTDs and external entities
 * refused and element depth and text size bounded, so a hostile file cannot exhaust the service.
 */
final class CinCensusImporter implements Importer {

  static final int MAX_DEPTH = 32;
  static final int MAX_TEXT = 10_000;
  static final int MAX_ELEMENTS_PER_CHILD = 20_000;
  private static final int CHILDREN_PER_BATCH = 500;
  private static final Set<String> KINDS =
      Set.of("CIN_EPISODE", "ASSESSMENT", "CIN_PLAN", "S47_ENQUIRY", "CP_PLAN", "CP_REVIEW");

  /** An element of one child's subtree: its name, text, children and where it was. */
  record Element(String name, String text, List<Element> children, String path, int line) {

    String child(String name) {
      for (Element e : children) {
        if (e.name.equals(name)) {
          return e.text;
        }
      }
      return null;
    }

    List<Element> all(String name) {
      List<Element> found = new ArrayList<>();
      for (Element e : children) {
        if (e.name.equals(name)) {
          found.add(e);
        }
      }
      return found;
    }

    Element first(String name) {
      for (Element e : children) {
        if (e.name.equals(name)) {
          return e;
        }
      }
      return null;
    }

    /** The direct children's text by name, for field-by-field validation. */
    Map<String, String> fields() {
      Map<String, String> map = new HashMap<>();
      for (Element e : children) {
        if (e.children.isEmpty()) {
          map.putIfAbsent(e.name, e.text);
        }
      }
      return map;
    }
  }

  @Override
  public ImportFormat format() {
    return ImportFormat.CIN;
  }

  @Override
  public void read(ImportRun run) throws IOException {
    for (Path file : run.request().files()) {
      if (Files.isDirectory(file)) {
        throw new ImportFailedException(
            "cin expects an XML file, not a folder: " + file.getFileName());
      }
      readFile(run, file);
    }
  }

  private void readFile(ImportRun run, Path file) throws IOException {
    String name = file.getFileName().toString();
    long size = Files.size(file);
    if (size == 0) {
      throw new ImportFailedException(name + ": empty file, not a CIN census");
    }
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    String la = run.request().laCode();
    int childIndex = 0;
    Staged batch = new Staged(run.system());
    try (InputStream in = Files.newInputStream(file)) {
      CountingReader counting = new CountingReader(in);
      XMLStreamReader xml = factory.createXMLStreamReader(counting);
      String root = null;
      int depth = 0;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
          throw new ImportFailedException(
              name
                  + ": the file declares a DTD (<!DOCTYPE>); CIN census files have none, and"
                  + " DTDs are refused because they can expand entities without bound");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new ImportFailedException(
              name
                  + " line "
                  + xml.getLocation().getLineNumber()
                  + ": entity reference &"
                  + xml.getLocalName()
                  + "; is not allowed");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String element = xml.getLocalName();
          if (root == null) {
            root = element;
            if (!root.equals("Message")) {
              throw new ImportFailedException(
                  name
                      + ": not a CIN census file (the root element is <"
                      + root
                      + ">, expected <Message>)");
            }
          } else if (depth == 2 && element.equals("Header")) {
            Element header = subtree(xml, "Message/Header", name);
            depth--;
            Element details = header.first("CollectionDetails");
            if (details != null
                && details.child("ReferenceDate") != null
                && run.referenceDate() == null) {
              try {
                run.referenceDate(LocalDate.parse(details.child("ReferenceDate").strip()));
              } catch (DateTimeParseException e) {
                run.reject(
                    name,
                    "Message/Header/CollectionDetails/ReferenceDate",
                    "ReferenceDate",
                    details.child("ReferenceDate"),
                    "not a valid date (expected yyyy-mm-dd)");
              }
            }
            Element source = header.first("Source");
            if (la == null && source != null && source.child("LEA") != null) {
              la = source.child("LEA").strip();
            }
          } else if (depth == 3 && element.equals("Child")) {
            if (run.referenceDate() == null) {
              throw new ImportFailedException(
                  name
                      + ": no Header/CollectionDetails/ReferenceDate before the first child;"
                      + " give the reference date with the import");
            }
            LocalDate reference = run.referenceDate();
            run.coverage(reference.minusYears(1).plusDays(1), reference);
            run.snapshotKinds(KINDS);
            childIndex++;
            Element child = subtree(xml, "Message/Children/Child[" + childIndex + "]", name);
            depth--;
            stageChild(run, batch, la == null ? "LA" : la, child, name);
            if (childIndex % CHILDREN_PER_BATCH == 0) {
              run.write(batch);
              batch = new Staged(run.system());
              run.progress(counting.count(), size);
            }
          } else if (depth > 2 && !(depth == 2 && element.equals("Children"))) {
            if (depth > MAX_DEPTH) {
              throw new ImportFailedException(name + ": elements nested deeper than " + MAX_DEPTH);
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      if (root == null) {
        throw new ImportFailedException(name + ": no XML elements, not a CIN census");
      }
      run.write(batch);
      run.progress(size, size);
    } catch (XMLStreamException e) {
      run.write(batch);
      throw new ImportFailedException(
          name
              + (e.getLocation() != null ? " line " + e.getLocation().getLineNumber() : "")
              + ": not well-formed XML, import stopped after "
              + childIndex
              + " children: "
              + e.getMessage().replaceAll("\\s+", " "));
    }
  }

  /** Reads the current element's subtree (bounded) into memory. */
  private static Element subtree(XMLStreamReader xml, String path, String file)
      throws XMLStreamException {
    int[] elements = {0};
    return element(xml, path, file, 0, elements);
  }

  private static Element element(
      XMLStreamReader xml, String path, String file, int depth, int[] count)
      throws XMLStreamException {
    String name = xml.getLocalName();
    int line = xml.getLocation().getLineNumber();
    List<Element> children = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    StringBuilder text = new StringBuilder();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (++count[0] > MAX_ELEMENTS_PER_CHILD || depth > MAX_DEPTH) {
          throw new ImportFailedException(
              file
                  + " line "
                  + xml.getLocation().getLineNumber()
                  + ": "
                  + path
                  + " is too large or too deeply nested to be one child");
        }
        String childName = xml.getLocalName();
        int index = seen.merge(childName, 1, Integer::sum);
        children.add(
            element(xml, path + "/" + childName + "[" + index + "]", file, depth + 1, count));
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        if (text.length() + xml.getTextLength() > MAX_TEXT) {
          throw new ImportFailedException(
              file
                  + " line "
                  + xml.getLocation().getLineNumber()
                  + ": text in "
                  + path
                  + " is longer than "
                  + MAX_TEXT
                  + " characters");
        }
        text.append(xml.getText());
      } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new ImportFailedException(
            file
                + " line "
                + xml.getLocation().getLineNumber()
                + ": entity reference &"
                + xml.getLocalName()
                + "; is not allowed");
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    String t = text.toString().strip();
    return new Element(name, t.isEmpty() ? null : t, children, path, line);
  }

  private void stageChild(ImportRun run, Staged batch, String la, Element child, String file) {
    LocalDate reference = run.referenceDate();
    int year = Ssda903Importer.collectionYear(reference);
    Element ids = child.first("ChildIdentifiers");
    if (ids == null) {
      run.rejectRecord(
          file,
          child.path() + " (line " + child.line() + ")",
          "ChildIdentifiers",
          null,
          "missing ChildIdentifiers block; child not loaded");
      return;
    }
    SourceRow idRow = new SourceRow(file, ids.path(), ids.fields(), reference, year);
    String localId = idRow.required("LAchildID");
    String upn = idRow.upn("UPN");
    String formerUpn = idRow.upn("FormerUPN");
    String upnUnknown = idRow.code("UPNunknown", "CIN_UPN_UNKNOWN", false);
    LocalDate birth = idRow.isoDate("PersonBirthDate", false);
    String expected = idRow.text("ExpectedPersonBirthDate");
    LocalDate expectedBirth = null;
    if (expected != null) {
      try {
        // An expected birth date may lie after the reference date: the child is unborn.
        expectedBirth = LocalDate.parse(expected);
      } catch (DateTimeParseException e) {
        idRow.problem(
            "ExpectedPersonBirthDate", expected, "not a valid date (expected yyyy-mm-dd)", false);
      }
    }
    String gender =
        idRow.text("GenderCurrent") != null
            ? idRow.code("GenderCurrent", "CIN_GENDER", false)
            : idRow.code("Sex", "CIN_GENDER", false);
    LocalDate death = idRow.isoDate("PersonDeathDate", false);
    if (birth == null && expectedBirth == null && idRow.problems.isEmpty()) {
      idRow.problem(
          "PersonBirthDate", null, "neither a birth date nor an expected birth date", false);
    }
    if (!idRow.report(run)) {
      return;
    }
    Map<String, Object> person = new HashMap<>();
    person.put("birthDate", birth);
    person.put("expectedBirthDate", expectedBirth);
    person.put("unborn", birth == null && expectedBirth != null ? true : null);
    person.put("sex", "1".equals(gender) ? "M" : "2".equals(gender) ? "F" : null);
    person.put("deathDate", death);
    person.put("upnUnknown", upnUnknown);
    Element characteristics = child.first("ChildCharacteristics");
    if (characteristics != null) {
      SourceRow c =
          new SourceRow(file, characteristics.path(), characteristics.fields(), reference, year);
      person.put("ethnicity", c.code("Ethnicity", "ETHNICITY", false));
      List<String> disabilities = new ArrayList<>();
      Element block = characteristics.first("Disabilities");
      if (block != null) {
        for (Element d : block.all("Disability")) {
          SourceRow dr =
              new SourceRow(
                  file,
                  d.path(),
                  Map.of("Disability", d.text() == null ? "" : d.text()),
                  reference,
                  year);
          String code = dr.code("Disability", "CIN_DISABILITY", false);
          dr.report(run);
          if (code != null) {
            disabilities.add(code);
          }
        }
      }
      c.report(run);
      if (!disabilities.isEmpty()) {
        person.put("disabilities", disabilities);
      }
    }
    String record = batch.person(localId, true, person, idRow.src());
    batch.identifier(record, "LA_CHILD_ID@" + la, localId);
    if (upn != null) {
      batch.identifier(record, "UPN", upn);
    }
    if (formerUpn != null) {
      batch.identifier(record, "UPN", formerUpn);
    }
    batch.sourceRecords++;

    for (Element details : child.all("CINdetails")) {
      int before = batch.involvements.size();
      stageEpisode(run, batch, record, localId, details, file, reference, year);
      // The same referral, plan or enquiry may also arrive from Annex A: one key for both.
      for (Map<String, Object> staged :
          batch.involvements.subList(before, batch.involvements.size())) {
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) staged.get("props");
        props.put(
            "statutoryKey",
            la + ":" + localId + ":" + props.get("kind") + ":" + props.get("start"));
      }
    }
  }

  private void stageEpisode(
      ImportRun run,
      Staged batch,
      String record,
      String localId,
      Element details,
      String file,
      LocalDate reference,
      int year) {
    SourceRow row = new SourceRow(file, details.path(), details.fields(), reference, year);
    LocalDate referral = row.isoDate("CINreferralDate", true);
    String source = row.code("ReferralSource", "CIN_REFERRAL_SOURCE", false);
    String need = row.code("PrimaryNeedCode", "CIN_PRIMARY_NEED", false);
    LocalDate closure = row.isoDate("CINclosureDate", false);
    String reason = row.code("ReasonForClosure", "CIN_CLOSURE", false);
    LocalDate initialCpc = row.isoDate("DateOfInitialCPC", false);
    Boolean nfa = row.flag("ReferralNFA");
    if (referral != null && closure != null && closure.isBefore(referral)) {
      row.problem(
          "CINclosureDate",
          row.text("CINclosureDate"),
          "closed before the referral date " + referral,
          true);
    }
    if (!row.report(run)) {
      return;
    }
    batch.sourceRecords++;
    String episode = run.system() + ":" + localId + ":CIN:" + referral;
    batch.involvement(
        episode,
        record,
        "CIN_EPISODE",
        "SOCIAL_CARE",
        Staged.row(
            "start",
            referral,
            "end",
            closure,
            "referralSource",
            source,
            "primaryNeed",
            need,
            "closureReason",
            reason,
            "dateOfInitialCpc",
            initialCpc,
            "referralNfa",
            nfa),
        row.src());

    for (Element a : details.all("Assessments")) {
      SourceRow r = new SourceRow(file, a.path(), a.fields(), reference, year);
      LocalDate start = r.isoDate("AssessmentActualStartDate", true);
      LocalDate end = r.isoDate("AssessmentAuthorisationDate", false);
      endNotBeforeStart(r, start, end, "AssessmentAuthorisationDate");
      List<String> factors = new ArrayList<>();
      Element block = a.first("FactorsIdentifiedAtAssessment");
      if (block != null) {
        for (Element f : block.all("AssessmentFactors")) {
          SourceRow fr =
              new SourceRow(
                  file,
                  f.path(),
                  Map.of("AssessmentFactors", f.text() == null ? "" : f.text()),
                  reference,
                  year);
          String code = fr.code("AssessmentFactors", "CIN_FACTOR", false);
          fr.problems.forEach(p -> r.problem(p.field(), p.value(), p.reason(), false));
          if (code != null) {
            factors.add(code);
          }
        }
      }
      part(
          run,
          batch,
          r,
          episode,
          record,
          "ASSESSMENT",
          start,
          Staged.row("start", start, "end", end, "needCodes", factors));
    }
    for (Element p : details.all("CINPlanDates")) {
      SourceRow r = new SourceRow(file, p.path(), p.fields(), reference, year);
      LocalDate start = r.isoDate("CINPlanStartDate", true);
      LocalDate end = r.isoDate("CINPlanEndDate", false);
      endNotBeforeStart(r, start, end, "CINPlanEndDate");
      part(
          run,
          batch,
          r,
          episode,
          record,
          "CIN_PLAN",
          start,
          Staged.row("start", start, "end", end));
    }
    for (Element s : details.all("Section47")) {
      SourceRow r = new SourceRow(file, s.path(), s.fields(), reference, year);
      LocalDate start = r.isoDate("S47ActualStartDate", true);
      LocalDate cpc = r.isoDate("DateOfInitialCPC", false);
      Boolean notRequired = r.flag("ICPCnotRequired");
      part(
          run,
          batch,
          r,
          episode,
          record,
          "S47_ENQUIRY",
          start,
          Staged.row(
              "start",
              start,
              "end",
              r.isoDate("InitialCPCtarget", false),
              "dateOfInitialCpc",
              cpc,
              "icpcNotRequired",
              notRequired,
              "outcome",
              Boolean.TRUE.equals(notRequired) ? "NO_ICPC" : cpc != null ? "ICPC" : null));
    }
    for (Element c : details.all("ChildProtectionPlans")) {
      SourceRow r = new SourceRow(file, c.path(), c.fields(), reference, year);
      LocalDate start = r.isoDate("CPPstartDate", true);
      LocalDate end = r.isoDate("CPPendDate", false);
      endNotBeforeStart(r, start, end, "CPPendDate");
      String initial = r.code("InitialCategoryOfAbuse", "CIN_ABUSE", false);
      String latest = r.code("LatestCategoryOfAbuse", "CIN_ABUSE", false);
      Integer previous = r.integer("NumberOfPreviousCPP", 0, 50);
      String planId =
          part(
              run,
              batch,
              r,
              episode,
              record,
              "CP_PLAN",
              start,
              Staged.row(
                  "start",
                  start,
                  "end",
                  end,
                  "initialCategory",
                  initial,
                  "latestCategory",
                  latest,
                  "numberOfPreviousPlans",
                  previous));
      Element reviews = c.first("Reviews");
      if (planId != null && reviews != null) {
        for (Element review : reviews.all("CPPreviewDate")) {
          SourceRow rr =
              new SourceRow(
                  file,
                  review.path(),
                  Map.of("CPPreviewDate", review.text() == null ? "" : review.text()),
                  reference,
                  year);
          LocalDate date = rr.isoDate("CPPreviewDate", true);
          if (rr.report(run)) {
            batch.event(
                planId + ":REVIEW:" + date,
                record,
                "CP_REVIEW",
                "SOCIAL_CARE",
                date,
                Staged.row("plan", planId),
                rr.src());
            batch.sourceRecords++;
          }
        }
      }
    }
  }

  private static void endNotBeforeStart(SourceRow r, LocalDate start, LocalDate end, String field) {
    if (start != null && end != null && end.isBefore(start)) {
      r.problem(field, r.text(field), "ends before it starts (" + start + ")", true);
    }
  }

  /** Stages an involvement inside the CIN episode; null when the block was rejected. */
  private static String part(
      ImportRun run,
      Staged batch,
      SourceRow r,
      String episode,
      String record,
      String kind,
      LocalDate start,
      Map<String, Object> props) {
    if (!r.report(run)) {
      return null;
    }
    String id = episode + ":" + kind + ":" + start;
    batch.involvement(id, record, kind, "SOCIAL_CARE", props, r.src());
    batch.partOf(id, episode);
    batch.sourceRecords++;
    return id;
  }

  /** Counts bytes read, for progress. */
  private static final class CountingReader extends java.io.FilterInputStream {
    private long count;

    CountingReader(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
