package org.childjourneys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/model.md describes every label, relationship type and property the graph holds. */
class ModelDocumentationTest extends IntegrationTest {

  @Test
  void everyLabelRelationshipTypeAndPropertyIsDocumented() throws IOException {
    String model = Files.readString(Path.of("docs", "model.md"));
    var driver = TestNeo4j.driver();
    var labels =
        driver.executableQuery("CALL db.labels() YIELD label RETURN label").execute().records();
    var types =
        driver
            .executableQuery("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t")
            .execute()
            .records();
    var properties =
        driver
            .executableQuery("CALL db.propertyKeys() YIELD propertyKey AS p RETURN p")
            .execute()
            .records();
    assertThat(labels).isNotEmpty();
    labels.forEach(r -> assertThat(model).contains("`" + r.get(0).asString() + "`"));
    types.forEach(r -> assertThat(model).contains("`" + r.get(0).asString() + "`"));
    properties.forEach(
        r ->
            assertThat(model).as("property %s", r.get(0).asString()).contains(r.get(0).asString()));
  }
}
