package org.childjourneys.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a synthetic authority as files in the statutory formats, so importers can be tested on
 * data whose truth is known: the SSDA903 Header and Episodes files (children looked after), and a
 * ground-truth file saying which child each source record belongs to.
 *
 * <pre>./mvnw -q compile exec:java -Dexec.args="--children 1000 --out target/synthetic-export"
 * </pre>
 */
@Command(
    name = "synthetic-export",
    mixinStandardHelpOptions = true,
    description =
        "Writes a synthetic authority as SSDA903 files, a CIN census XML file and linkage ground"
            + " truth.")
public class SyntheticExport implements Callable<Integer> {

  static final String[] HEADER = {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"};
  static final String[] EPISODES = {
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN"
  };
  static final String[] GROUND_TRUTH = {"record_id", "system", "local_id", "child_id"};
  private static final DateTimeFormatter DFE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Option(names = "--children", description = "Children known to services (default 1000).")
  int children = 1000;

  @Option(names = "--seed", description = "Seed (default 20181001).")
  long seed = 20181001L;

  @Option(names = "--out", description = "Output folder (default target/synthetic-export).")
  Path out = Path.of("target", "synthetic-export");

  public static void main(String[] args) {
    System.exit(new CommandLine(new SyntheticExport()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Counts counts = export(SyntheticSettings.of(children, seed), out);
    System.out.printf(
        "Wrote %d looked-after children (%d SSDA903 episodes), %d children in need (CIN census)"
            + " and %d records' ground truth to %s%n",
        counts.headerRows(),
        counts.episodeRows(),
        counts.cinChildren(),
        counts.groundTruthRows(),
        out.toAbsolutePath());
    return 0;
  }

  /** Rows written per file. */
  public record Counts(long headerRows, long episodeRows, long groundTruthRows, long cinChildren) {}

  public static Counts export(SyntheticSettings settings, Path out) throws IOException {
    Files.createDirectories(out.resolve("ssda903"));
    CSVFormat csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
    long[] counts = new long[4];
    CinCensusWriter cin = new CinCensusWriter(out.resolve("cin-census.xml"), settings);
    try (cin;
        CSVPrinter header = printer(out.resolve("ssda903").resolve("header.csv"), csv, HEADER);
        CSVPrinter episodes =
            printer(out.resolve("ssda903").resolve("episodes.csv"), csv, EPISODES);
        CSVPrinter truth = printer(out.resolve("ground-truth.csv"), csv, GROUND_TRUTH)) {
      SyntheticAuthorityGenerator.simulate(
          settings,
          batch -> {
            try {
              counts[2] += writeGroundTruth(batch, truth);
              counts[3] += cin.write(batch);
              long[] ssda = writeSsda903(batch, header, episodes);
              counts[0] += ssda[0];
              counts[1] += ssda[1];
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    return new Counts(counts[0], counts[1], counts[2], counts[3]);
  }

  private static CSVPrinter printer(Path file, CSVFormat format, String[] columns)
      throws IOException {
    return new CSVPrinter(
        Files.newBufferedWriter(file, StandardCharsets.UTF_8),
        format.builder().setHeader(columns).get());
  }

  private static long writeGroundTruth(GraphBatch batch, CSVPrinter truth) throws IOException {
    for (Map<String, Object> record : batch.records) {
      Map<?, ?> props = (Map<?, ?>) record.get("props");
      truth.printRecord(
          props.get("id"), props.get("system"), props.get("localId"), record.get("child"));
    }
    return batch.records.size();
  }

  /** One Header row per looked-after child; one Episodes row per placement (DfE episode). */
  private static long[] writeSsda903(GraphBatch batch, CSVPrinter header, CSVPrinter episodes)
      throws IOException {
    Map<String, Map<?, ?>> periods = new HashMap<>();
    Map<String, String> laChildId = new HashMap<>();
    for (Map<String, Object> inv : batch.involvements) {
      Map<?, ?> props = (Map<?, ?>) inv.get("props");
      if ("LAC_EPISODE".equals(props.get("kind"))) {
        periods.put((String) props.get("id"), props);
        laChildId.put((String) props.get("childId"), localId((String) inv.get("record")));
      }
    }
    if (periods.isEmpty()) {
      return new long[] {0, 0};
    }
    Map<String, List<Map<?, ?>>> placements = new HashMap<>();
    for (Map<String, Object> p : batch.placements) {
      placements
          .computeIfAbsent((String) p.get("episode"), k -> new ArrayList<>())
          .add((Map<?, ?>) p.get("props"));
    }
    Map<String, String> upns = upnsByChild(batch);
    long headerRows = 0;
    for (Map<String, Object> child : batch.children) {
      Map<?, ?> props = (Map<?, ?>) child.get("props");
      String id = (String) props.get("id");
      if (laChildId.containsKey(id)) {
        header.printRecord(
            laChildId.get(id),
            "M".equals(props.get("sex")) ? "1" : "2",
            date(props.get("birthDate")),
            props.get("ethnicity"),
            upns.getOrDefault(id, "UN1"),
            "",
            "");
        headerRows++;
      }
    }
    long episodeRows = 0;
    List<Map<?, ?>> ordered = new ArrayList<>(periods.values());
    ordered.sort(Comparator.comparing(p -> (String) p.get("id")));
    for (Map<?, ?> period : ordered) {
      // A period can end the day it starts, before any placement was recorded.
      List<Map<?, ?>> list =
          new ArrayList<>(placements.getOrDefault((String) period.get("id"), List.of()));
      list.sort(Comparator.comparing(p -> (Integer) p.get("sequence")));
      for (int i = 0; i < list.size(); i++) {
        Map<?, ?> placement = list.get(i);
        boolean last = i == list.size() - 1;
        Object end = placement.get("end");
        String type = (String) placement.get("placementType");
        episodes.printRecord(
            laChildId.get((String) period.get("childId")),
            date(placement.get("start")),
            placement.get("reasonNewEpisode"),
            period.get("legalStatus"),
            period.get("categoryOfNeed"),
            type,
            placement.get("provider"),
            date(end),
            end == null ? "" : last ? period.get("reasonEnded") : "X1",
            last ? "" : placement.get("reasonChanged"),
            sector((String) placement.get("postcode")),
            sector((String) placement.get("postcode")),
            type.startsWith("K")
                ? "SC" + String.format("%06d", Math.abs(type.hashCode()) % 1_000_000)
                : "");
        episodeRows++;
      }
    }
    return new long[] {headerRows, episodeRows};
  }

  /** The source system's own id in a record id ({@code SYN_SOCIAL_CARE:LA999-00000001}). */
  static String localId(String recordId) {
    return recordId.substring(recordId.indexOf(':') + 1);
  }

  /** Each child's UPN, from the identifiers of their records in this batch. */
  static Map<String, String> upnsByChild(GraphBatch batch) {
    Map<String, String> childOfRecord = new HashMap<>();
    for (Map<String, Object> r : batch.records) {
      childOfRecord.put((String) ((Map<?, ?>) r.get("props")).get("id"), (String) r.get("child"));
    }
    Map<String, String> upns = new HashMap<>();
    for (Map<String, Object> i : batch.identifiers) {
      if ("UPN".equals(i.get("scheme"))) {
        upns.put(childOfRecord.get((String) i.get("record")), (String) i.get("value"));
      }
    }
    return upns;
  }

  private static String date(Object value) {
    return value == null ? "" : ((LocalDate) value).format(DFE_DATE);
  }

  /** The 903 returns hold postcode sectors ("SY1 2"), not full postcodes. */
  private static String sector(String postcode) {
    return postcode == null || postcode.length() < 6
        ? ""
        : postcode.substring(0, postcode.length() - 2);
  }
}
