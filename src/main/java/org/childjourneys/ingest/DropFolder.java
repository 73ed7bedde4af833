package org.childjourneys.ingest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly feeds without anyone running a command: a case management system (or a person) puts an
 * extract in {@code data/drop/<format>[-<SYSTEM>]/}, e.g. {@code csv-LCS/} or {@code ssda903/};
 * once none of the files there has changed for the settle time they are moved into a new import job
 * (so nothing is imported twice and nothing is lost if the service stops), and when the job ends
 * its summary and rejection report are written to {@code done/} beside them.
 */
@Component
@ConditionalOnProperty(name = "childjourneys.import.drop.enabled", havingValue = "true")
class DropFolder {

  private static final Logger log = LoggerFactory.getLogger(DropFolder.class);
  private static final String DONE = "done";

  private final ImportJobService jobs;
  private final Path root;
  private final Duration settle;
  private final String la;
  private final String authority;

  /** Sizes seen at the last poll: a file still growing is not picked up. */
  private final Map<Path, Long> lastSizes = new HashMap<>();

  private final Map<String, Path> submitted = new ConcurrentHashMap<>();
  private final Set<String> warned = new HashSet<>();

  DropFolder(
      ImportJobService jobs,
      @Value("${childjourneys.import.drop.folder:data/drop}") Path root,
      @Value("${childjourneys.import.drop.settle:10s}") Duration settle,
      @Value("${childjourneys.import.drop.la:}") String la,
      @Value("${childjourneys.import.drop.authority:}") String authority) {
    this.jobs = jobs;
    this.root = root;
    this.settle = settle;
    this.la = la == null || la.isBlank() ? null : la.strip();
    this.authority = ImportJobService.authority(authority);
  }

  @Scheduled(
      initialDelayString = "${childjourneys.import.drop.poll:15s}",
      fixedDelayString = "${childjourneys.import.drop.poll:15s}")
  void poll() {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> sources = Files.list(root)) {
      for (Path source : sources.filter(Files::isDirectory).sorted().toList()) {
        try {
          pickUp(source);
        } catch (IOException | RuntimeException e) {
          log.error("Drop folder {}: could not pick up the files", source, e);
        }
      }
    } catch (IOException e) {
      log.error("Drop folder {} cannot be read", root, e);
    }
    reportFinished();
  }

  private void pickUp(Path source) throws IOException {
    String name = source.getFileName().toString();
    ImportFormat format;
    String system;
    try {
      int dash = name.indexOf('-');
      format = ImportFormat.parse(dash < 0 ? name : name.substring(0, dash));
      system = dash < 0 ? format.defaultSystem() : name.substring(dash + 1);
      if (system == null) {
        throw new IllegalArgumentException(
            "the "
                + format.cliName()
                + " format needs a system: name the folder "
                + format.cliName()
                + "-<SYSTEM>, e.g. "
                + format.cliName()
                + "-LCS");
      }
      if (!system.matches("[A-Z][A-Z0-9_@-]{1,39}")) {
        throw new IllegalArgumentException(
            "the system in the folder name must be 2-40 capital letters, digits, _ @ or -");
      }
    } catch (IllegalArgumentException e) {
      if (warned.add(name)) {
        log.warn("Drop folder {} is ignored: {}", source, e.getMessage());
      }
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(source)) {
      files = s.filter(Files::isRegularFile).filter(DropFolder::isData).sorted().toList();
    }
    if (files.isEmpty()) {
      return;
    }
    boolean settled = true;
    long now = System.currentTimeMillis();
    for (Path f : files) {
      long size = Files.size(f);
      Long before = lastSizes.put(f, size);
      long age = now - Files.getLastModifiedTime(f).toMillis();
      if (before == null || before != size || age < settle.toMillis()) {
        settled = false;
      }
    }
    if (!settled) {
      return;
    }
    String jobId = jobs.newJobId();
    Path folder = jobs.newJobFolder(jobId);
    List<Path> moved = new ArrayList<>();
    for (Path f : files) {
      Path target =
          Files.createDirectories(folder.resolve(String.format("%02d", moved.size() + 1)))
              .resolve(f.getFileName().toString());
      move(f, target);
      lastSizes.remove(f);
      moved.add(target);
    }
    ImportJob job =
        jobs.submit(
            jobId,
            new ImportRequest(
                format,
                system,
                la,
                null,
                format.snapshotByDefault() ? ImportMode.SNAPSHOT : ImportMode.DELTA,
                moved,
                authority),
            "drop folder");
    submitted.put(job.id(), source);
    log.info("Drop folder {}: {} file(s) taken into import job {}", source, moved.size(), job.id());
  }

  /** Files still being written by a careful sender (.part, .tmp) or hidden ones wait. */
  private static boolean isData(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !n.startsWith(".")
        && !n.endsWith(".part")
        && !n.endsWith(".tmp")
        && !n.endsWith(".filepart")
        && !n.endsWith(".crdownload");
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      // Another file system (a mounted share): copy, then remove the original.
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      Files.delete(from);
    }
  }

  /**
   * Writes done/<job>.txt (and the rejection report) for each job from a drop folder that ended.
   */
  private void reportFinished() {
    for (String id : List.copyOf(submitted.keySet())) {
      ImportJob job = jobs.find(id).orElse(null);
      if (job == null || !job.finished()) {
        continue;
      }
      Path done = submitted.get(id).resolve(DONE);
      try {
        Files.createDirectories(done);
        ImportCounts c = job.counts();
        List<String> lines = new ArrayList<>();
        lines.add("job: " + job.id());
        lines.add("status: " + job.status());
        lines.add("files: " + String.join(", ", job.files()));
        lines.add(
            String.format(
                "read %d, created %d, updated %d, unchanged %d, retired %d, rejected %d",
                c.read(), c.created(), c.updated(), c.unchanged(), c.retired(), c.rejected()));
        if (job.error() != null) {
          lines.add("error: " + job.error());
        }
        if (c.rejected() > 0) {
          lines.add("rejection report: " + job.id() + "-rejections.csv");
          try (Writer w =
              Files.newBufferedWriter(
                  done.resolve(job.id() + "-rejections.csv"), StandardCharsets.UTF_8)) {
            jobs.writeRejectionsCsv(job.id(), w);
          }
        }
        Files.write(done.resolve(job.id() + ".txt"), lines, StandardCharsets.UTF_8);
        submitted.remove(id);
      } catch (IOException e) {
        log.error("Drop folder {}: cannot write the summary of job {}", done, id, e);
      }
    }
  }
}
