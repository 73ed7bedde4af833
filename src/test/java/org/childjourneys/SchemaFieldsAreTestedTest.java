package org.childjourneys;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every field of every type in graphql/*.graphqls is named in a test (a GraphQL document or
 * assertion in src/test/java, or an example's recorded answer in src/test/resources/examples): a
 * field added without a test that reaches it fails the build.
 */
class SchemaFieldsAreTestedTest {

  @Test
  void everySchemaFieldIsReachedByATest() throws IOException {
    TypeDefinitionRegistry schema = new TypeDefinitionRegistry();
    try (Stream<Path> files = Files.list(Path.of("graphql"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".graphqls")).toList()) {
        schema.merge(new SchemaParser().parse(Files.readString(f)));
      }
    }
    StringBuilder tests = new StringBuilder();
    for (Path root :
        List.of(Path.of("src", "test", "java"), Path.of("src", "test", "resources", "examples"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          tests.append(Files.readString(f)).append('\n');
        }
      }
    }
    String text = tests.toString();
    List<ObjectTypeDefinition> types = new ArrayList<>(schema.getTypes(ObjectTypeDefinition.class));
    schema.objectTypeExtensions().values().forEach(types::addAll);
    TreeSet<String> untested = new TreeSet<>();
    for (ObjectTypeDefinition type : types) {
      for (FieldDefinition field : type.getFieldDefinitions()) {
        Pattern named = Pattern.compile("\\b" + Pattern.quote(field.getName()) + "\\b");
        if (!named.matcher(text).find()) {
          untested.add(type.getName() + "." + field.getName());
        }
      }
    }
    assertThat(untested).as("schema fields no test names").isEmpty();
  }
}
