package org.childjourneys.synthetic;

import static org.childjourneys.synthetic.GraphBatch.row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourneys.neo4j.NewStoreInitializer;
import org.childjourneys.neo4j.NewStorePreparation;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Creates a new embedded store holding a synthetic authority with Neo4j's offline bulk importer:
 * the same rows the transactional writer sends (same simulation, same graph shape as {@code
 * cypher/synthetic/}), written as CSV and loaded before the database starts. Schema, reference data
 * and the last links are added after start by the migrations and {@code
 * cypher/synthetic/finish-bulk-import.cypher}.
 */
public class SyntheticBulkImport implements NewStoreInitializer {

  private static final Logger log = LoggerFactory.getLogger(SyntheticBulkImport.class);

  private final SyntheticSettings settings;

  public SyntheticBulkImport(SyntheticSettings settings) {
    this.settings = settings;
  }

  @Override
  public void initialize(Path home) {
    long started = System.nanoTime();
    Path csv = home.resolve("bulk-import");
    try {
      log.info(
          "New embedded database: bulk-importing a synthetic authority of {} children (seed {})",
          settings.children(),
          settings.seed());
      BulkFiles schema = BulkFiles.schema();
      feed(schema);
      List<String> args;
      try (BulkFiles files = BulkFiles.writer(schema, csv)) {
        SyntheticTally tally = feed(files);
        args = files.importerArguments();
        log.info(
            "Synthetic authority written as CSV in {} s ({} children); importing",
            seconds(started),
            tally.children());
      }
      runImporter(home, args);
      log.info("Bulk import finished in {} s", seconds(started));
    } catch (IOException e) {
      throw new UncheckedIOException("Bulk import of the synthetic authority failed", e);
    } finally {
      deleteQuietly(csv);
    }
  }

  private static long seconds(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
  }

  private SyntheticTally feed(BulkFiles files) {
    // Identifiers and households can recur across rows; each becomes one node per pass.
    households.clear();
    identifiers.clear();
    SyntheticTally tally = new SyntheticTally();
    long[] progress = {0, 0};
    SyntheticAuthorityGenerator.produce(
        settings,
        tally,
        batch -> {
          batch(files, batch);
          progress[0] += batch.childCount;
          long tenth = progress[0] * 10 / settings.children();
          if (tenth > progress[1]) {
            progress[1] = tenth;
            log.info(
                "Bulk import ({}): {} of {} children simulated",
                files.writing() ? "writing CSV" : "learning columns",
                progress[0],
                settings.children());
          }
        },
        s -> structure(files, s));
    files.node(
        "Dataset",
        "id",
        row(
            "id",
            "main",
            "kind",
            "SYNTHETIC",
            "status",
            "IMPORTED",
            "mixedAllowed",
            false,
            "seed",
            settings.seed(),
            "children",
            (long) settings.children(),
            "referenceDate",
            settings.referenceDate(),
            "windowStart",
            settings.windowStart(),
            "name",
            AuthorityStructure.LA_NAME));
    return tally;
  }

  private void structure(BulkFiles f, AuthorityStructure a) {
    for (Map<String, Object> area : a.areaRows) {
      Map<String, Object> props = new HashMap<>(area);
      props.remove("parent");
      props.put("synthetic", true);
      f.node("Area", "code", props);
      if (area.get("parent") != null) {
        f.relationship("IN", "Area", area.get("code"), "Area", area.get("parent"), null);
      }
    }
    for (Map<String, Object> org : a.organisationRows) {
      Map<String, Object> props = new HashMap<>(org);
      props.put("synthetic", true);
      f.node("Organisation", "id", props);
    }
    for (Map<String, Object> team : a.teamRows) {
      f.node(
          "Team",
          "id",
          row(
              "id",
              team.get("id"),
              "name",
              team.get("name"),
              "service",
              team.get("service"),
              "email",
              team.get("email"),
              "phone",
              team.get("phone"),
              "synthetic",
              true));
      f.relationship(
          "PART_OF", "Team", team.get("id"), "Organisation", team.get("organisation"), null);
    }
    for (Map<String, Object> p : a.professionalRows) {
      f.node(
          "Professional",
          "id",
          row(
              "id",
              p.get("id"),
              "name",
              p.get("name"),
              "role",
              p.get("role"),
              "email",
              p.get("email"),
              "phone",
              p.get("phone"),
              "synthetic",
              true));
      f.relationship(
          "MEMBER_OF",
          "Professional",
          p.get("id"),
          "Team",
          p.get("team"),
          row("from", p.get("from"), "to", p.get("to")));
    }
    for (Map<String, Object> source : SyntheticAuthorityGenerator.dataSources(settings)) {
      Map<String, Object> props = new HashMap<>(source);
      props.put("synthetic", true);
      f.node("DataSource", "system", props);
    }
  }

  private final Set<String> households = new HashSet<>();
  private final Set<String> identifiers = new HashSet<>();

  private void batch(BulkFiles f, GraphBatch b) {
    for (Map<String, Object> r : b.addresses) {
      String household = (String) r.get("household");
      if (households.add(household)) {
        f.node("Household", "id", row("id", household, "synthetic", true));
      }
      f.node(
          "Address",
          "id",
          row(
              "id",
              r.get("id"),
              "line1",
              r.get("line1"),
              "postcode",
              r.get("postcode"),
              "synthetic",
              true));
      f.relationship(
          "LIVES_AT", "Household", household, "Address", r.get("id"), copy(r, "from", "to"));
      f.relationship("IN", "Address", r.get("id"), "Area", r.get("lsoa"), null);
    }
    for (String label : List.of("Child", "Adult")) {
      for (Map<String, Object> r : label.equals("Child") ? b.children : b.adults) {
        f.node(label, "id", cast((Map<?, ?>) r.get("props")));
        f.relationship(
            "MEMBER_OF", label, r.get("id"), "Household", r.get("household"), copy(r, "from"));
      }
    }
    for (Map<String, Object> r : b.family) {
      f.relationship(
          (String) r.get("type"),
          "Adult",
          r.get("adult"),
          "Child",
          r.get("child"),
          copy(r, "relationship", "parentalResponsibility", "from", "sourceSystem"));
    }
    for (Map<String, Object> r : b.siblings) {
      f.relationship(
          "SIBLING_OF", "Child", r.get("a"), "Child", r.get("b"), copy(r, "kind", "sourceSystem"));
    }
    for (Map<String, Object> r : b.records) {
      Map<String, Object> props = cast((Map<?, ?>) r.get("props"));
      f.node("PersonRecord", "id", props);
      f.relationship(
          "REFERS_TO",
          "PersonRecord",
          props.get("id"),
          "Child",
          r.get("child"),
          row(
              "score",
              1.0,
              "method",
              "SYNTHETIC_GROUND_TRUTH",
              "status",
              "CONFIRMED",
              "decidedBy",
              "synthetic-generator",
              "decidedAt",
              r.get("decidedAt")));
    }
    for (Map<String, Object> r : b.identifiers) {
      String key = (String) r.get("key");
      if (identifiers.add(key)) {
        f.node(
            "Identifier",
            "key",
            row("key", key, "scheme", r.get("scheme"), "value", r.get("value"), "synthetic", true));
      }
      f.relationship(
          "HAS_IDENTIFIER",
          "PersonRecord",
          r.get("record"),
          "Identifier",
          key,
          copy(r, "from", "sourceSystem"));
    }
    for (Map<String, Object> r : b.involvements) {
      Map<String, Object> props = cast((Map<?, ?>) r.get("props"));
      f.node("Involvement", "id", props);
      f.relationship("HAD", "PersonRecord", r.get("record"), "Involvement", props.get("id"), null);
      if (r.get("team") != null) {
        f.relationship("WITH", "Involvement", props.get("id"), "Team", r.get("team"), null);
      }
    }
    for (Map<String, Object> r : b.partOf) {
      f.relationship("PART_OF", "Involvement", r.get("part"), "Involvement", r.get("whole"), null);
    }
    for (Map<String, Object> r : b.allocations) {
      f.relationship(
          "ALLOCATED",
          "Professional",
          r.get("professional"),
          "Involvement",
          r.get("involvement"),
          copy(r, "role", "lead", "from", "to", "startReason", "endReason", "sourceSystem"));
    }
    for (Map<String, Object> r : b.events) {
      Map<String, Object> props = cast((Map<?, ?>) r.get("props"));
      f.node("Event", "id", props);
      f.relationship(
          "EXPERIENCED", "PersonRecord", r.get("record"), "Event", props.get("id"), null);
    }
    for (Map<String, Object> r : b.contacts) {
      Map<String, Object> props = cast((Map<?, ?>) r.get("props"));
      f.node("Contact", "id", props);
      f.relationship(
          "SUBJECT_OF", "PersonRecord", r.get("record"), "Contact", props.get("id"), null);
      if (r.get("ledTo") != null) {
        f.relationship("LED_TO", "Contact", props.get("id"), "Involvement", r.get("ledTo"), null);
      }
    }
    for (Map<String, Object> r : b.placements) {
      Map<String, Object> props = cast((Map<?, ?>) r.get("props"));
      f.node("Placement", "id", props);
      f.relationship(
          "IN_PLACEMENT", "Involvement", r.get("episode"), "Placement", props.get("id"), null);
    }
  }

  /** The given properties of a generated row, for a relationship written as it is. */
  private static Map<String, Object> copy(Map<String, Object> row, String... keys) {
    Map<String, Object> copy = new HashMap<>();
    for (String key : keys) {
      if (row.get(key) != null) {
        copy.put(key, row.get(key));
      }
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static void runImporter(Path home, List<String> files) throws IOException {
    List<String> args = new ArrayList<>(files);
    args.add("--id-type=string");
    args.add("--array-delimiter=;");
    args.add("--report-file=" + home.resolve("bulk-import.report"));
    args.add("--overwrite-destination=true");
    args.add("neo4j");
    // The importer prints its own progress (stages and percentages) to the console.
    Files.createDirectories(home.resolve("conf"));
    int exit =
        new CommandLine(
                new ImportCommand.Full(
                    new ExecutionContext(
                        home,
                        home.resolve("conf"),
                        System.out,
                        System.err,
                        new org.neo4j.io.fs.DefaultFileSystemAbstraction())))
            .execute(args.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException(
          "Neo4j's bulk importer failed (exit "
              + exit
              + "); its report is in "
              + home.resolve("bulk-import.report")
              + " and its output above");
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      NewStorePreparation.deleteRecursively(dir);
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }
}
