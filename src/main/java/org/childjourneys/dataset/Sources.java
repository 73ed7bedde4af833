package org.childjourneys.dataset;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.childjourneys.neo4j.ReadQueries;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The source systems loaded, the period each covers and how fresh it is, and the date the data
 * describes: what every answer about a child's involvements needs so that absence of data is not
 * read as absence of involvement.
 */
@Component
public class Sources {

  public record Source(
      String system,
      String name,
      List<String> services,
      LocalDate coveredFrom,
      LocalDate coveredTo,
      LocalDate asAt) {}

  /** The sources and the data's reference date (today when the data names none). */
  public record Catalogue(LocalDate referenceDate, List<Source> sources) {

    public Optional<Source> bySystem(String system) {
      return sources.stream().filter(s -> s.system().equals(system)).findFirst();
    }

    public List<Source> forService(String service) {
      return sources.stream().filter(s -> s.services().contains(service)).toList();
    }
  }

  /**
   * How long a read catalogue is reused: every triage answer needs it, and it changes only when an
   * import finishes, so a few seconds of staleness cost nothing and save a query per answer.
   */
  static final long REUSE_NANOS = 5_000_000_000L;

  private final ReadQueries reads;
  private volatile Catalogue cached;
  private volatile long cachedAt;

  Sources(ReadQueries reads) {
    this.reads = reads;
  }

  /** The catalogue, read at most every few seconds (in the caller's transaction, if any). */
  public Catalogue catalogue() {
    Catalogue c = cached;
    if (c != null && System.nanoTime() - cachedAt < REUSE_NANOS) {
      return c;
    }
    c = read();
    cached = c;
    cachedAt = System.nanoTime();
    return c;
  }

  private Catalogue read() {
    return reads
        .list(
            "dataset/sources",
            Map.of(),
            r ->
                new Catalogue(
                    r.get("referenceDate").isNull()
                        ? LocalDate.now()
                        : r.get("referenceDate").asLocalDate(),
                    r.get("sources").asList(Sources::source)))
        .stream()
        .findFirst()
        .orElseThrow();
  }

  private static Source source(Value v) {
    return new Source(
        v.get("system").asString(),
        v.get("name").asString(null),
        v.get("services").asList(Value::asString),
        date(v.get("coveredFrom")),
        date(v.get("coveredTo")),
        date(v.get("asAt")));
  }

  private static LocalDate date(Value v) {
    return v.isNull() ? null : v.asLocalDate();
  }
}
