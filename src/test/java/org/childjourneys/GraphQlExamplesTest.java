package org.childjourneys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example operation in graphql/examples runs against the demo authority without errors. */
class GraphQlExamplesTest extends IntegrationTest {

  static Stream<Path> examples() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("graphql", "examples"))) {
      files = list.filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleRunsAndAnswers(Path example) throws IOException {
    String childId =
        TestNeo4j.driver()
            .executableQuery("MATCH (c:Child) RETURN c.id AS id ORDER BY c.id LIMIT 1")
            .execute()
            .records()
            .get(0)
            .get("id")
            .asString();
    Map<String, Object> data =
        graphQl
            .document(Files.readString(example))
            .variable("id", childId)
            .execute()
            .path("")
            .entity(Map.class)
            .get();
    assertThat(data).isNotEmpty();
    assertThat(data.values()).doesNotContainNull();
  }
}
