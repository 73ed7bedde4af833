package org.childjourneys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * How every benchmark starts the service on the benchmark authority's store under target/bench
 * (built on the first run of a size, reused after): bench/run.sh, docs/benchmarks.md.
 */
public final class BenchmarkStore {

  /** Where the stores, each run's files and the summaries go. */
  public static final Path HOME = Path.of("target", "bench").toAbsolutePath();

  /** The synthetic authority's seed: every benchmark of a size reads the same graph. */
  public static final long SEED = 20181001L;

  private BenchmarkStore() {}

  /**
   * A new directory for one run of a step (its import jobs, passwords, reports), named by the step
   * and the time; java.io.tmpdir (target/tmp, where Tomcat and Neo4j write) made too, as a fresh
   * checkout lacks it.
   */
  public static Path runDirectory(String step) throws IOException {
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    String tag = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
    return Files.createDirectories(HOME.resolve(step + "-" + tag));
  }

  /**
   * The service's arguments for the store of this many children, with this run's own directory for
   * import jobs and the generated passwords, then the benchmark's own arguments (each option once:
   * the Bolt port, the identity provider...).
   */
  public static String[] arguments(int children, Path run, String... own) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--childjourneys.neo4j.embedded.data-directory="
                    + HOME.resolve("neo4j-" + children),
                "--childjourneys.neo4j.embedded.page-cache="
                    + System.getProperty("bench.page-cache", "2GB"),
                "--childjourneys.demo.enabled=true",
                "--childjourneys.demo.children=" + children,
                "--childjourneys.demo.seed=" + SEED,
                "--childjourneys.data.allow-mixed=true",
                "--childjourneys.import.drop.enabled=false",
                "--childjourneys.import.directory=" + run.resolve("jobs"),
                "--childjourneys.security.password-file=" + run.resolve("users.properties"),
                "--childjourneys.security.audit-head-file="
                    + HOME.resolve("neo4j-" + children + "-audit-heads.log"),
                "--logging.level.root=WARN",
                // Building a new store takes minutes (a quarter of an hour at 1M): show progress.
                "--logging.level.org.childjourneys.synthetic=INFO",
                "--logging.level.org.childjourneys.neo4j=INFO",
                "--logging.level.org.childjourneys.schema=INFO",
                "--spring.main.banner-mode=off"));
    args.addAll(List.of(own));
    return args.toArray(String[]::new);
  }
}
