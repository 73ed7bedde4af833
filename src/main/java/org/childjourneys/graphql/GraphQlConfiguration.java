package org.childjourneys.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Scalars, limits on query shape, and errors that explain bad input without leaking internals. */
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
  MaxQueryDepthInstrumentation maxQueryDepth(
      @Value("${childjourneys.graphql.max-depth:12}") int maxDepth) {
    return new MaxQueryDepthInstrumentation(maxDepth);
  }

  @Bean
  MaxQueryComplexityInstrumentation maxQueryComplexity(
      @Value("${childjourneys.graphql.max-complexity:400}") int maxComplexity) {
    return new MaxQueryComplexityInstrumentation(maxComplexity);
  }

  /** Invalid arguments are the caller's to fix: say what was wrong, classified as BAD_REQUEST. */
  @Bean
  DataFetcherExceptionResolverAdapter badArguments() {
    return new DataFetcherExceptionResolverAdapter() {
      @Override
      protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof org.childjourneys.InvalidInputException invalid) {
          return GraphqlErrorBuilder.newError(env)
              .errorType(ErrorType.BAD_REQUEST)
              .message(ex.getMessage())
              .extensions(java.util.Map.of("field", invalid.field()))
              .build();
        }
        if (ex instanceof IllegalArgumentException) {
          return GraphqlErrorBuilder.newError(env)
              .errorType(ErrorType.BAD_REQUEST)
              .message(ex.getMessage())
              .build();
        }
        return null;
      }
    };
  }
}
