package org.childjourneys.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The limits as graphql-java applies them, on a small schema with a recursive type (the service's
 * own schema nests only 4 deep) and exact expected costs.
 */
class GraphQlLimitsTest {

  static final String SCHEMA =
      """
      type Query { child(id: ID!): Child  children(first: Int = 10): [Child!]!  search(text: String): [Child!] }
      type Child {
        id: ID!
        name: String
        events(first: Int = 50): [Event!]!
        friends(last: Int): [Child!]!
        records: [Record!]!
      }
      type Event { id: ID! kind: String }
      type Record { id: ID! }
      """;

  static final GraphQLSchema schema =
      new SchemaGenerator()
          .makeExecutableSchema(
              new SchemaParser().parse(SCHEMA), RuntimeWiring.newRuntimeWiring().build());

  static GraphQL withLimits(int maxDepth, int maxComplexity) {
    GraphQlConfiguration config = new GraphQlConfiguration();
    GraphQlLimits limits = new GraphQlLimits(maxDepth, maxComplexity, Duration.ofSeconds(30));
    return GraphQL.newGraphQL(schema)
        .instrumentation(
            new ChainedInstrumentation(
                config.maxQueryDepth(limits), config.maxQueryComplexity(limits)))
        .build();
  }

  /** The complexity the limit computed: with a maximum of 1 every query reports its own. */
  static Object complexity(String query, Map<String, Object> variables) {
    ExecutionResult result =
        withLimits(100, 1)
            .execute(graphql.ExecutionInput.newExecutionInput(query).variables(variables).build());
    assertThat(result.getErrors()).hasSize(1);
    assertThat(result.getErrors().get(0).getExtensions()).containsEntry("limit", "max-complexity");
    return result.getErrors().get(0).getExtensions().get("value");
  }

  static Object complexity(String query) {
    return complexity(query, Map.of());
  }

  @Test
  void aFieldCostsOnePlusItsSelections() {
    assertThat(complexity("{ child(id: \"1\") { id name } }")).isEqualTo(3);
    // A list without a page argument counts its selections once.
    assertThat(complexity("{ child(id: \"1\") { records { id } } }")).isEqualTo(3);
  }

  @Test
  void aPagedListCountsItsSelectionsOncePerItemAskedFor() {
    assertThat(complexity("{ child(id: \"1\") { events(first: 5) { id kind } } }"))
        .isEqualTo(1 + (1 + 5 * 2));
    assertThat(complexity("{ child(id: \"1\") { friends(last: 3) { id } } }"))
        .isEqualTo(1 + (1 + 3 * 1));
    // Pages multiply down the tree: 20 children x 5 events x 2 fields.
    assertThat(complexity("{ children(first: 20) { events(first: 5) { id kind } } }"))
        .isEqualTo(1 + 20 * (1 + 5 * 2));
    assertThat(complexity("query($n: Int) { children(first: $n) { id } }", Map.of("n", 7)))
        .isEqualTo(1 + 7);
  }

  @Test
  void withoutAPageSizeTheArgumentsDefaultCountsElseOne() {
    assertThat(complexity("{ child(id: \"1\") { events { id kind } } }"))
        .isEqualTo(1 + (1 + 50 * 2));
    assertThat(complexity("{ children { id } }")).isEqualTo(1 + 10);
    assertThat(complexity("{ child(id: \"1\") { friends { id } } }")).isEqualTo(1 + (1 + 1));
  }

  @Test
  void zeroOrNegativePagesCostOneItemAndAreLeftToTheFieldToRefuse() {
    assertThat(complexity("{ children(first: 0) { id } }")).isEqualTo(2);
    assertThat(complexity("{ children(first: -5) { id } }")).isEqualTo(2);
  }

  @Test
  void hugePagesCannotOverflowTheSumIntoAPassingValue() {
    // Uncapped, each alias costs 2,000,000,001 and the int sum wraps negative, under any limit.
    String hostile =
        "{ child(id: \"1\") { a: events(first: 2000000000) { id } b: events(first: 2000000000) { id } } }";
    assertThat(complexity(hostile)).isEqualTo(PagedComplexity.CEILING);
    ExecutionResult result = withLimits(12, 3000).execute(hostile);
    assertThat(result.getErrors()).singleElement().satisfies(e -> limitError(e, "max-complexity"));
  }

  @Test
  void aQueryWithinTheLimitsRuns() {
    // 1 + (1 + 100 x 2) + 2 + 2 = 206: a full page of events is well within the default limit.
    ExecutionResult result =
        withLimits(12, 3000)
            .execute("{ child(id: \"1\") { id events(first: 100) { id kind } records { id } } }");
    assertThat(result.getErrors()).isEmpty();
  }

  @Test
  void anOverComplexQueryIsRefusedNamingTheLimitAndItsValue() {
    ExecutionResult result =
        withLimits(12, 3000).execute("{ children(first: 100) { events(first: 100) { id } } }");
    assertThat(result.getErrors()).singleElement().satisfies(e -> limitError(e, "max-complexity"));
    GraphQLError error = result.getErrors().get(0);
    int expected = 1 + 100 * (1 + 100);
    assertThat(error.getMessage())
        .isEqualTo(
            "Query refused: its complexity is "
                + expected
                + ", more than the maximum of 3000 (childjourneys.graphql.max-complexity)");
    assertThat(error.getExtensions())
        .containsEntry("value", expected)
        .containsEntry("maximum", 3000);
    assertThat((Object) result.getData()).isNull();
  }

  @Test
  void anOverDeepQueryIsRefusedNamingTheLimitAndItsDepth() {
    String depth12 =
        "{ child(id: \"1\") { " + "friends { ".repeat(10) + "id" + " }".repeat(11) + " }";
    String depth13 =
        "{ child(id: \"1\") { " + "friends { ".repeat(11) + "id" + " }".repeat(12) + " }";
    assertThat(withLimits(12, 3000).execute(depth12).getErrors()).isEmpty();
    ExecutionResult result = withLimits(12, 3000).execute(depth13);
    assertThat(result.getErrors()).singleElement().satisfies(e -> limitError(e, "max-depth"));
    assertThat(result.getErrors().get(0).getMessage())
        .isEqualTo(
            "Query refused: its depth is 13, more than the maximum of 12"
                + " (childjourneys.graphql.max-depth)");
  }

  @Test
  void limitsOutsideTheirRangeStopTheServiceStarting() {
    assertThatThrownBy(() -> new GraphQlLimits(12, PagedComplexity.CEILING, Duration.ofSeconds(1)))
        .hasMessageContaining("max-complexity must be from 1 to 99999");
    assertThatThrownBy(() -> new GraphQlLimits(0, 3000, Duration.ofSeconds(1)))
        .hasMessageContaining("max-depth");
    assertThatThrownBy(() -> new GraphQlLimits(12, 3000, Duration.ZERO))
        .hasMessageContaining("timeout");
  }

  @Test
  void aRequestRunningPastTheTimeoutIsAnswered408() {
    var timeout =
        new GraphQlConfiguration()
            .requestTimeout(new GraphQlLimits(12, 3000, Duration.ofMillis(50)));
    WebGraphQlRequest request =
        new WebGraphQlRequest(
            URI.create("http://localhost/graphql"),
            new HttpHeaders(),
            new LinkedMultiValueMap<>(),
            null,
            Map.of(),
            Map.of("query", "{ child(id: \"1\") { id } }"),
            "1",
            null);
    long start = System.nanoTime();
    assertThatThrownBy(() -> timeout.intercept(request, r -> Mono.never()).block())
        .isInstanceOfSatisfying(
            ResponseStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.REQUEST_TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void argumentErrorsNameTheArgumentAndOtherErrorsSayNothingOfTheirCause() {
    GraphQlSource source =
        GraphQlSource.schemaResourceBuilder()
            .schemaResources(new ByteArrayResource(SCHEMA.getBytes(StandardCharsets.UTF_8)))
            .configureRuntimeWiring(
                wiring ->
                    wiring.type(
                        "Query",
                        type ->
                            type.dataFetcher(
                                    "children",
                                    env ->
                                        List.of(
                                            Map.of(
                                                "id",
                                                PageSize.check("first", env.getArgument("first")))))
                                .dataFetcher(
                                    "search",
                                    env -> {
                                      // As a library would throw it, with internals in the message.
                                      var fromLibrary =
                                          new IllegalArgumentException(
                                              "Unable to convert org.neo4j.driver.Value to Neo4j");
                                      fromLibrary.setStackTrace(
                                          new StackTraceElement[] {
                                            new StackTraceElement(
                                                "org.neo4j.driver.Values", "value", null, 1)
                                          });
                                      throw fromLibrary;
                                    })
                                .dataFetcher(
                                    "child",
                                    env -> {
                                      throw new IllegalStateException(
                                          "Neo4jException: Cypher MATCH (c:Child {id: $id}) failed"
                                              + " at org.childjourneys.child.ChildService");
                                    })))
            .exceptionResolvers(List.of(new GraphQlConfiguration().badArguments()))
            .build();
    var service = new DefaultExecutionGraphQlService(source);

    ResponseError badPage = errorOf(service, "{ children(first: 101) { id } }");
    assertThat(badPage.getMessage()).isEqualTo("first: from 1 to 100, was 101");
    assertThat(badPage.getErrorType().toString()).isEqualTo("BAD_REQUEST");
    assertThat(badPage.getExtensions()).containsEntry("field", "first");

    ResponseError fromLibrary = errorOf(service, "{ search(text: \"x\") { id } }");
    assertThat(fromLibrary.getErrorType().toString()).isEqualTo("INTERNAL_ERROR");
    assertThat(fromLibrary.getMessage()).doesNotContain("Neo4j", "org.", "convert");

    ResponseError internal = errorOf(service, "{ child(id: \"1\") { id } }");
    assertThat(internal.getErrorType().toString()).isEqualTo("INTERNAL_ERROR");
    assertThat(internal.getMessage())
        .startsWith("INTERNAL_ERROR for ")
        .doesNotContain("Neo4j", "Cypher", "MATCH", "Exception", "org.childjourneys");
    assertThat(internal.getExtensions().toString()).doesNotContain("Cypher", "Exception");
  }

  private static ResponseError errorOf(DefaultExecutionGraphQlService service, String query) {
    ExecutionGraphQlResponse response =
        service
            .execute(new DefaultExecutionGraphQlRequest(query, null, null, null, "1", null))
            .block();
    assertThat(response.getErrors()).hasSize(1);
    return response.getErrors().get(0);
  }

  private static void limitError(GraphQLError error, String limit) {
    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
    assertThat(error.getExtensions()).containsEntry("limit", limit);
    assertThat(error.getMessage()).contains("childjourneys.graphql." + limit);
  }
}
