package org.childjourneys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.childjourneys.frontline.FrontlineFixtureAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every example operation in graphql/examples runs, as the front door, for the hand-built child
 * TFL-C1 (see FrontlineFixture), and answers exactly what {@code
 * src/test/resources/examples/<name>.json} says (search scores, which depend on the full-text
 * index's statistics, are left out of the comparison). A missing or different answer is written to
 * target/examples-actual/ to compare or adopt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQlExamplesTest extends IntegrationTest {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @BeforeAll
  void family() {
    FrontlineFixtureAccess.create();
  }

  @AfterAll
  void cleanUp() {
    FrontlineFixtureAccess.remove();
  }

  static Stream<Path> examples() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("graphql", "examples"))) {
      files = list.filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(6);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleAnswersAsExpected(Path example) throws IOException {
    Map<String, Object> data =
        graphQl
            .document(Files.readString(example))
            .variable("id", "TFL-C1")
            .execute()
            .path("")
            .entity(Map.class)
            .get();
    Object comparable = withoutScores(data);
    String name = example.getFileName().toString().replace(".graphql", ".json");
    Path expected = Path.of("src", "test", "resources", "examples", name);
    String actual = JSON.writeValueAsString(comparable);
    Object expectedValue =
        Files.exists(expected) ? JSON.readValue(Files.readString(expected), Object.class) : null;
    if (!comparable.equals(expectedValue)) {
      Path written = Path.of("target", "examples-actual", name);
      Files.createDirectories(written.getParent());
      Files.writeString(written, actual + "\n");
    }
    assertThat(expectedValue)
        .as("answer of " + example + " (actual in target/examples-actual)")
        .isNotNull();
    assertThat(comparable).as("answer of " + example).isEqualTo(expectedValue);
  }

  private static Object withoutScores(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (!"score".equals(k)) {
              copy.put((String) k, withoutScores(v));
            }
          });
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(GraphQlExamplesTest::withoutScores).toList();
    }
    return value;
  }
}
