package org.childjourneys.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.childjourneys.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;

/**
 * Scalars, limits on what a request may ask for (depth, complexity counting page sizes, time), and
 * errors that explain bad input without leaking internals. Unexpected exceptions are left to Spring
 * for GraphQL, which answers INTERNAL_ERROR with an id and nothing of the exception.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

  @Bean
  RuntimeWiringConfigurer scalars() {
    return wiring ->
        wiring
            .scalar(ExtendedScalars.Date)
            .scalar(ExtendedScalars.DateTime)
            .scalar(ExtendedScalars.GraphQLLong);
  }

  @Bean
  MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits) {
    return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
      @Override
      protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
        return QueryLimitExceeded.abort("max-depth", "depth", depth, maxDepth);
      }
    };
  }

  @Bean
  MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimits limits) {
    return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), new PagedComplexity()) {
      @Override
      protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
        return QueryLimitExceeded.abort("max-complexity", "complexity", complexity, maxComplexity);
      }
    };
  }

  /**
   * A request still running after the timeout is answered 408, so a client or proxy is not left
   * waiting; the work already started is not interrupted (the other limits keep it small).
   */
  @Bean
  TimeoutWebGraphQlInterceptor requestTimeout(GraphQlLimits limits) {
    return new TimeoutWebGraphQlInterceptor(limits.timeout());
  }

  /**
   * Parsed and validated documents are reused for the same query text: a front end sends the same
   * few operations all day, and parsing and validating one costs about as much as a database read.
   * The limits (depth, complexity) still apply to every request: they run at execution.
   */
  @Bean
  org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer
      preparsedDocuments() {
    Map<String, graphql.execution.preparsed.PreparsedDocumentEntry> cache =
        java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(
                  Map.Entry<String, graphql.execution.preparsed.PreparsedDocumentEntry> eldest) {
                return size() > 500;
              }
            });
    graphql.execution.preparsed.PreparsedDocumentProvider provider =
        (input, parseAndValidate) -> {
          String query = input.getQuery();
          if (query.length() > 20_000) { // not worth keeping, and keeps hostile texts out
            return java.util.concurrent.CompletableFuture.completedFuture(
                parseAndValidate.apply(input));
          }
          var entry = cache.get(query);
          if (entry == null) {
            entry = parseAndValidate.apply(input);
            cache.put(query, entry);
          }
          return java.util.concurrent.CompletableFuture.completedFuture(entry);
        };
    return builder ->
        builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
  }

  /**
   * Invalid arguments are the caller's to fix: say what was wrong, classified as BAD_REQUEST,
   * naming the argument when known. Only messages the service wrote for callers are shown: an
   * IllegalArgumentException from inside a library (the driver, a converter) may describe
   * internals, so it is left to the generic INTERNAL_ERROR answer.
   */
  @Bean
  DataFetcherExceptionResolverAdapter badArguments() {
    return new DataFetcherExceptionResolverAdapter() {
      @Override
      protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof org.neo4j.driver.exceptions.ClientException client
            && client.code() != null
            && client.code().contains("InvalidBookmark")) {
          // The client sent back a Neo4j-Bookmark header this database never issued.
          return GraphqlErrorBuilder.newError(env)
              .errorType(ErrorType.BAD_REQUEST)
              .message(
                  "header Neo4j-Bookmark: the database did not issue this bookmark; send back the"
                      + " value of a response's header from this service, or none")
              .build();
        }
        if (!(ex instanceof IllegalArgumentException) || !thrownByThisService(ex)) {
          return null;
        }
        GraphqlErrorBuilder<?> error =
            GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.BAD_REQUEST)
                .message(ex.getMessage());
        if (ex instanceof InvalidInputException invalid) {
          error.extensions(Map.of("field", invalid.field()));
        }
        return error.build();
      }
    };
  }

  private static boolean thrownByThisService(Throwable ex) {
    StackTraceElement[] trace = ex.getStackTrace();
    return ex instanceof InvalidInputException
        || (trace.length > 0 && trace[0].getClassName().startsWith("org.childjourneys."));
  }
}
