package org.childjourneys.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;

/**
 * The error for a query refused before it runs for being too deep or too complex: a BAD_REQUEST
 * (the caller must ask for less) naming the limit, its maximum and the query's value.
 */
final class QueryLimitExceeded {

  private QueryLimitExceeded() {}

  /**
   * @param limit the setting's name under {@code childjourneys.graphql}, e.g. {@code max-depth}
   * @param what what was measured, e.g. {@code depth}
   */
  static AbortExecutionException abort(String limit, String what, int value, int maximum) {
    return new AbortExecutionException(
        List.of(
            GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(
                    "Query refused: its %s is %d, more than the maximum of %d"
                        + " (childjourneys.graphql.%s)",
                    what, value, maximum, limit)
                .extensions(Map.of("limit", limit, "maximum", maximum, "value", value))
                .build()));
  }
}
