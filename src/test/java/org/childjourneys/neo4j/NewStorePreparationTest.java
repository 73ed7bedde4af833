package org.childjourneys.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewStorePreparationTest {

  private static Path home() throws IOException {
    Path home = Path.of("target", "new-store-tests", "home-" + System.nanoTime()).toAbsolutePath();
    Files.createDirectories(home);
    return home;
  }

  private static Path database(Path home) {
    return home.resolve("data").resolve("databases").resolve("neo4j");
  }

  /** Stands in for the bulk importer: writes a store file, optionally dying half-way. */
  private static NewStoreInitializer writingStore(List<Path> calls, boolean dieHalfWay) {
    return home -> {
      calls.add(home);
      try {
        Files.createDirectories(database(home));
        Files.writeString(database(home).resolve("store"), "written");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      if (dieHalfWay) {
        throw new IllegalStateException("killed half-way");
      }
    };
  }

  @Test
  void initializesANewStoreOnceOnly() throws IOException {
    Path home = home();
    List<Path> calls = new ArrayList<>();
    assertThat(NewStorePreparation.prepare(home, List.of(writingStore(calls, false)))).isTrue();
    assertThat(NewStorePreparation.prepare(home, List.of(writingStore(calls, false)))).isFalse();
    assertThat(calls).containsExactly(home);
    assertThat(home.resolve(NewStorePreparation.MARKER)).doesNotExist();
  }

  @Test
  void anInterruptedFirstStartIsDetectedCleanedAndRunAgain() throws IOException {
    Path home = home();
    List<Path> calls = new ArrayList<>();
    assertThatThrownBy(() -> NewStorePreparation.prepare(home, List.of(writingStore(calls, true))))
        .hasMessage("killed half-way");
    assertThat(home.resolve(NewStorePreparation.MARKER)).exists();
    Files.writeString(database(home).resolve("partial-leftover"), "half an import");

    assertThat(NewStorePreparation.prepare(home, List.of(writingStore(calls, false)))).isTrue();
    assertThat(calls).hasSize(2);
    assertThat(database(home).resolve("partial-leftover")).doesNotExist();
    assertThat(database(home).resolve("store")).hasContent("written");
    assertThat(home.resolve(NewStorePreparation.MARKER)).doesNotExist();
  }
}
