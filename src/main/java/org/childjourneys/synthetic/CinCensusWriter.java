package org.childjourneys.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The CIN census XML ({@code <Message><Header/><Children><Child>...}) for the collection year
 * ending on the reference date: every child with a CIN episode open at some point in the year, each
 * episode with its assessments and factors, CIN plans, s47 enquiries and CP plans.
 */
final class CinCensusWriter implements AutoCloseable {

  private final OutputStream stream;
  private final XMLStreamWriter xml;
  private final LocalDate yearStart;
  private final LocalDate referenceDate;

  CinCensusWriter(Path file, SyntheticSettings settings) throws IOException {
    this.referenceDate = settings.referenceDate();
    this.yearStart = referenceDate.minusYears(1).plusDays(1);
    this.stream = Files.newOutputStream(file);
    try {
      xml = XMLOutputFactory.newInstance().createXMLStreamWriter(stream, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("Message");
      xml.writeStartElement("Header");
      xml.writeStartElement("CollectionDetails");
      element("Collection", "CIN");
      element("Year", String.valueOf(referenceDate.getYear()));
      element("ReferenceDate", referenceDate.toString());
      xml.writeEndElement();
      xml.writeStartElement("Source");
      element("SourceLevel", "L");
      element("LEA", AuthorityStructure.LA_CODE);
      element("SoftwareCode", "Child Journeys synthetic generator");
      element("Release", "1");
      element("SerialNo", "1");
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeStartElement("Children");
    } catch (XMLStreamException e) {
      throw new IOException("Cannot start " + file, e);
    }
  }

  /** Writes this batch's children in need; returns how many. */
  long write(GraphBatch batch) {
    Map<String, Map<?, ?>> involvements = new HashMap<>();
    Map<String, String> laChildIds = new HashMap<>();
    Map<String, List<Map<?, ?>>> episodesByChild = new HashMap<>();
    for (Map<String, Object> row : batch.involvements) {
      Map<?, ?> props = (Map<?, ?>) row.get("props");
      involvements.put((String) props.get("id"), props);
      if ("CIN_EPISODE".equals(props.get("kind")) && openInYear(props)) {
        laChildIds.put(
            (String) props.get("childId"), SyntheticExport.localId((String) row.get("record")));
        episodesByChild
            .computeIfAbsent((String) props.get("childId"), k -> new ArrayList<>())
            .add(props);
      }
    }
    if (episodesByChild.isEmpty()) {
      return 0;
    }
    Map<String, List<Map<?, ?>>> parts = new HashMap<>();
    for (Map<String, Object> link : batch.partOf) {
      Map<?, ?> part = involvements.get((String) link.get("part"));
      if (part != null) {
        parts.computeIfAbsent((String) link.get("whole"), k -> new ArrayList<>()).add(part);
      }
    }
    Map<String, String> upnByChild = SyntheticExport.upnsByChild(batch);
    long written = 0;
    try {
      for (Map<String, Object> child : batch.children) {
        Map<?, ?> props = (Map<?, ?>) child.get("props");
        List<Map<?, ?>> episodes = episodesByChild.get((String) props.get("id"));
        if (episodes == null) {
          continue;
        }
        xml.writeStartElement("Child");
        xml.writeStartElement("ChildIdentifiers");
        element("LAchildID", laChildIds.get((String) props.get("id")));
        String upn = upnByChild.get((String) props.get("id"));
        if (upn != null) {
          element("UPN", upn);
        } else {
          element("UPNunknown", "UN1");
        }
        element("PersonBirthDate", props.get("birthDate").toString());
        element("GenderCurrent", "M".equals(props.get("sex")) ? "1" : "2");
        xml.writeEndElement();
        xml.writeStartElement("ChildCharacteristics");
        element("Ethnicity", (String) props.get("ethnicity"));
        xml.writeEndElement();
        episodes.sort(Comparator.comparing(e -> (LocalDate) e.get("start")));
        for (Map<?, ?> episode : episodes) {
          writeEpisode(episode, parts.getOrDefault((String) episode.get("id"), List.of()));
        }
        xml.writeEndElement();
        written++;
      }
    } catch (XMLStreamException e) {
      throw new UncheckedIOException(new IOException("Cannot write the CIN census", e));
    }
    return written;
  }

  private void writeEpisode(Map<?, ?> episode, List<Map<?, ?>> parts) throws XMLStreamException {
    xml.writeStartElement("CINdetails");
    element("CINreferralDate", episode.get("start").toString());
    element("ReferralSource", (String) episode.get("referralSource"));
    element("PrimaryNeedCode", (String) episode.get("primaryNeed"));
    if (episode.get("end") != null) {
      element("CINclosureDate", episode.get("end").toString());
      element("ReasonForClosure", (String) episode.get("closureReason"));
    }
    element("ReferralNFA", Boolean.TRUE.equals(episode.get("referralNfa")) ? "1" : "0");
    List<Map<?, ?>> sorted = new ArrayList<>(parts);
    sorted.sort(Comparator.comparing(p -> (LocalDate) p.get("start")));
    for (Map<?, ?> part : sorted) {
      String start = part.get("start").toString();
      String end = part.get("end") == null ? null : part.get("end").toString();
      switch ((String) part.get("kind")) {
        case "ASSESSMENT" -> {
          xml.writeStartElement("Assessments");
          element("AssessmentActualStartDate", start);
          element("AssessmentAuthorisationDate", end);
          xml.writeStartElement("FactorsIdentifiedAtAssessment");
          for (Object factor : (List<?>) part.get("needCodes")) {
            element("AssessmentFactors", factor.toString());
          }
          xml.writeEndElement();
          xml.writeEndElement();
        }
        case "CIN_PLAN" -> {
          xml.writeStartElement("CINPlanDates");
          element("CINPlanStartDate", start);
          element("CINPlanEndDate", end);
          xml.writeEndElement();
        }
        case "S47_ENQUIRY" -> {
          xml.writeStartElement("Section47");
          element("S47ActualStartDate", start);
          element("ICPCnotRequired", "NO_ICPC".equals(part.get("outcome")) ? "1" : "0");
          xml.writeEndElement();
        }
        case "CP_PLAN" -> {
          xml.writeStartElement("ChildProtectionPlans");
          element("CPPstartDate", start);
          element("CPPendDate", end);
          element("InitialCategoryOfAbuse", (String) part.get("initialCategory"));
          element("LatestCategoryOfAbuse", (String) part.get("latestCategory"));
          element("NumberOfPreviousCPP", String.valueOf(part.get("numberOfPreviousPlans")));
          xml.writeEndElement();
        }
        default -> {
          // Periods of care are in the SSDA903 files, not the CIN census.
        }
      }
    }
    xml.writeEndElement();
  }

  private boolean openInYear(Map<?, ?> episode) {
    LocalDate start = (LocalDate) episode.get("start");
    LocalDate end = (LocalDate) episode.get("end");
    return !start.isAfter(referenceDate) && (end == null || !end.isBefore(yearStart));
  }

  private void element(String name, String value) throws XMLStreamException {
    if (value == null) {
      return;
    }
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  @Override
  public void close() throws IOException {
    try {
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("Cannot finish the CIN census", e);
    } finally {
      stream.close();
    }
  }
}
