package org.childjourneys.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;

/**
 * Loads a named query from {@code cypher/} (packaged on the classpath), so the service runs the
 * very files analysts open in Browser.
 */
public final class CypherFile {

  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private CypherFile() {}

  /** The statement in {@code cypher/<name>.cypher}, e.g. {@code load("child/child-by-id")}. */
  public static String load(String name) {
    return CACHE.computeIfAbsent(name, CypherFile::read);
  }

  private static String read(String name) {
    ClassPathResource resource = new ClassPathResource("cypher/" + name + ".cypher");
    try {
      return resource.getContentAsString(StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Missing named query cypher/" + name + ".cypher", e);
    }
  }
}
