package org.childjourneys.analysts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bloom perspective (cypher/bloom/child-journeys-perspective.json) names only labels,
 * relationship types and properties docs/model.md documents, captions children by pseudonym, and
 * every Cypher in it (search phrases and scene actions) compiles against the synthetic authority.
 */
class BloomPerspectiveTest extends IntegrationTest {

  static final Path PERSPECTIVE = Path.of("cypher", "bloom", "child-journeys-perspective.json");
  static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

  static JsonNode perspective;
  static Map<String, Set<String>> labelProperties;
  static Map<String, Set<String>> relationshipProperties;

  @BeforeAll
  static void read() throws IOException {
    perspective = JsonMapper.builder().build().readTree(Files.readString(PERSPECTIVE));
    String model = Files.readString(Path.of("docs", "model.md"));
    labelProperties = table(section(model, "## Labels"), 1, 2);
    relationshipProperties = table(section(model, "## Relationships"), 2);
  }

  @Test
  void isAPerspectiveWithCategoriesPhrasesAndSceneActions() {
    assertThat(perspective.path("name").asString()).isEqualTo("Child journeys");
    assertThat(perspective.path("categories")).hasSizeGreaterThanOrEqualTo(15);
    assertThat(perspective.path("relationshipTypes")).isNotEmpty();
    assertThat(texts(perspective.path("templates"), "text"))
        .contains(
            "in touch with child $pseudonym",
            "journey of $pseudonym",
            "children known to $service1 and $service2");
    assertThat(texts(perspective.path("sceneActions"), "name"))
        .contains("Expand in touch", "Show siblings");
  }

  @Test
  void everyLabelRelationshipTypeAndPropertyIsInTheModel() {
    assertThat(labelProperties).containsKeys("Child", "Involvement", "Event");
    for (JsonNode category : perspective.path("categories")) {
      assertThat(category.path("labels")).hasSize(1);
      String label = category.path("labels").get(0).asString();
      assertThat(labelProperties).as("label %s", label).containsKey(label);
      Set<String> known = labelProperties.get(label);
      texts(category.path("properties"), "name")
          .forEach(p -> assertThat(known).as("%s.%s", label, p).contains(p));
      category
          .path("caption")
          .forEach(p -> assertThat(known).as("caption of %s", label).contains(p.asString()));
      texts(category.path("styleRules"), "basedOn")
          .forEach(p -> assertThat(known).as("style rule on %s.%s", label, p).contains(p));
      assertThat(category.path("color").asString()).matches("#[0-9A-Fa-f]{6}");
    }
    for (JsonNode type : perspective.path("relationshipTypes")) {
      String name = type.path("name").asString();
      assertThat(relationshipProperties).as("relationship type %s", name).containsKey(name);
      texts(type.path("properties"), "name")
          .forEach(
              p -> assertThat(relationshipProperties.get(name)).as("%s.%s", name, p).contains(p));
    }
    for (JsonNode template : perspective.path("templates")) {
      for (JsonNode param : template.path("params")) {
        if (!param.path("suggestionLabel").isNull()) {
          String label = param.path("suggestionLabel").asString();
          assertThat(labelProperties.get(label))
              .as("suggestion %s", param)
              .contains(param.path("suggestionProp").asString());
        }
      }
    }
  }

  @Test
  void childrenAreCaptionedByPseudonymAndTraumaticEventsStandOutInRed() {
    JsonNode child = category("Child");
    assertThat(texts(child.path("caption"))).containsExactly("pseudonym");
    for (JsonNode category : perspective.path("categories")) {
      assertThat(texts(category.path("caption")))
          .doesNotContain("givenName", "familyName", "birthDate", "id", "postcode", "line1");
    }
    JsonNode traumatic = category("Event").path("styleRules").get(0);
    assertThat(traumatic.path("basedOn").asString()).isEqualTo("traumatic");
    assertThat(traumatic.path("styleColor").asString()).isEqualToIgnoringCase("#D32F2F");
  }

  @Test
  void everyCypherCompiles() {
    var db = TestNeo4j.driver();
    List<JsonNode> statements = new ArrayList<>();
    perspective.path("templates").forEach(statements::add);
    perspective.path("sceneActions").forEach(statements::add);
    assertThat(statements).hasSizeGreaterThanOrEqualTo(8);
    for (JsonNode statement : statements) {
      Map<String, Object> params = new HashMap<>();
      params.put("nodes", List.of(0L));
      params.put("relationships", List.of(0L));
      for (JsonNode param : statement.path("params")) {
        String name = param.path("name").asString().substring(1);
        params.put(
            name,
            switch (param.path("dataType").asString()) {
              case "Integer" -> 1L;
              case "Float" -> 1.0;
              case "Boolean" -> true;
              default -> name.equals("date") ? "2026-03-31" : "SOCIAL_CARE";
            });
      }
      String cypher = statement.path("cypher").asString();
      var summary =
          db.executableQuery("EXPLAIN " + cypher).withParameters(params).execute().summary();
      assertThat(summary.plan()).as(statement.path("name").asString()).isNotNull();
      Matcher used = Pattern.compile("\\$(\\w+)").matcher(cypher);
      while (used.find()) {
        assertThat(params).as("parameter of %s", statement.path("name")).containsKey(used.group(1));
      }
      // Real values: every phrase and action runs, too.
      db.executableQuery(cypher).withParameters(params).execute();
    }
  }

  private static JsonNode category(String label) {
    for (JsonNode category : perspective.path("categories")) {
      if (category.path("labels").get(0).asString().equals(label)) {
        return category;
      }
    }
    throw new AssertionError("no category " + label);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> all = new ArrayList<>();
    array.forEach(n -> all.add(n.path(field).asString()));
    return all;
  }

  private static List<String> texts(JsonNode array) {
    List<String> all = new ArrayList<>();
    array.forEach(n -> all.add(n.asString()));
    return all;
  }

  static String section(String model, String heading) {
    int start = model.indexOf(heading);
    int end = model.indexOf("\n## ", start + heading.length());
    return model.substring(start, end < 0 ? model.length() : end);
  }

  /**
   * A model table's rows: the backticked names of the first column, each with the backticked names
   * of the given columns (cells split at unescaped pipes).
   */
  static Map<String, Set<String>> table(String section, int... columns) {
    Map<String, Set<String>> rows = new HashMap<>();
    for (String line : section.split("\n")) {
      if (!line.startsWith("| `")) continue;
      String[] cells = line.split("(?<!\\\\)\\|");
      Set<String> names = new HashSet<>();
      for (int column : columns) {
        Matcher m = BACKTICKED.matcher(cells[column + 1]);
        while (m.find()) names.add(m.group(1));
      }
      Matcher key = BACKTICKED.matcher(cells[1]);
      while (key.find()) rows.computeIfAbsent(key.group(1), k -> new HashSet<>()).addAll(names);
    }
    return rows;
  }
}
