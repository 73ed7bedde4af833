package org.childjourneys.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link NewStoreInitializer}s on a brand-new embedded store, once. A marker file stays in
 * the data directory while they run, so a start that was killed half-way (a partly imported store)
 * is detected on the next start, the partial database removed and the initialization run again.
 */
public final class NewStorePreparation {

  static final String MARKER = "new-store.incomplete";
  private static final Logger log = LoggerFactory.getLogger(NewStorePreparation.class);

  private NewStorePreparation() {}

  /** Returns true when initializers ran. */
  public static boolean prepare(Path home, List<NewStoreInitializer> initializers) {
    Path marker = home.resolve(MARKER);
    Path database = home.resolve("data").resolve("databases").resolve("neo4j");
    boolean interrupted = Files.exists(marker);
    if (Files.exists(database) && !interrupted) {
      return false;
    }
    try {
      if (interrupted) {
        log.warn("The first start in {} did not finish; removing the partial database", home);
        deleteRecursively(database);
        deleteRecursively(home.resolve("data").resolve("transactions").resolve("neo4j"));
      }
      Files.createDirectories(home);
      Files.writeString(marker, "initializing a new store; delete the data folder to start over\n");
      initializers.forEach(initializer -> initializer.initialize(home));
      Files.delete(marker);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the new store in " + home, e);
    }
  }

  /** Deletes a folder and everything below it; nothing happens when it does not exist. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
