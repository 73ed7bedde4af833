package org.childjourneys.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ClientException;

/**
 * The Enterprise role scripts in cypher/security cannot run on Community, but Community parses
 * administration commands before refusing them: every statement must be refused as unsupported (it
 * parsed), never as a syntax error. What the privileges do is reviewed against the Neo4j 5
 * operations manual (docs/security.md), not tested here.
 */
class EnterpriseRoleScriptsTest {

  static Stream<String> statements() throws IOException {
    List<String> statements;
    try (Stream<Path> files = Files.list(Path.of("cypher", "security"))) {
      statements =
          files
              .filter(p -> p.getFileName().toString().startsWith("create-"))
              .sorted()
              .flatMap(EnterpriseRoleScriptsTest::statementsOf)
              .toList();
    }
    assertThat(statements).hasSizeGreaterThan(5);
    return statements.stream();
  }

  static Stream<String> statementsOf(Path file) {
    try {
      String withoutComments =
          Files.readAllLines(file).stream()
              .filter(line -> !line.strip().startsWith("//"))
              .reduce("", (a, b) -> a + "\n" + b);
      return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("statements")
  void parsesAndIsRefusedOnlyForWantOfEnterprise(String statement) {
    try (var session = TestNeo4j.driver().session(SessionConfig.forDatabase("system"))) {
      ClientException refused =
          catchThrowableOfType(ClientException.class, () -> session.run(statement).consume());
      assertThat(refused).as(statement).isNotNull();
      // A syntax error would be Neo.ClientError.Statement.SyntaxError (checked by hand).
      assertThat(refused.code())
          .as(statement)
          .isEqualTo("Neo.ClientError.Statement.UnsupportedAdministrationCommand");
    }
  }
}
