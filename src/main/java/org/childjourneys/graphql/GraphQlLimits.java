package org.childjourneys.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what one GraphQL request may ask for (see docs/security.md, "GraphQL limits"). Page
 * sizes are not here: their maximum is part of the API contract ({@link PageSize#MAX}).
 *
 * @param maxDepth deepest nesting of fields; the schema's own types nest at most 4 deep, so this
 *     matters for introspection (GraphiQL's query needs about 12)
 * @param maxComplexity most work one request may ask for, counted by {@link PagedComplexity}
 * @param timeout how long a request may run before it is answered 408 Request Timeout
 */
@ConfigurationProperties("childjourneys.graphql")
record GraphQlLimits(
    @DefaultValue("12") int maxDepth,
    @DefaultValue("3000") int maxComplexity,
    @DefaultValue("30s") Duration timeout) {

  GraphQlLimits {
    if (maxDepth < 1) {
      throw new IllegalArgumentException(
          "childjourneys.graphql.max-depth must be at least 1, was " + maxDepth);
    }
    if (maxComplexity < 1 || maxComplexity >= PagedComplexity.CEILING) {
      throw new IllegalArgumentException(
          "childjourneys.graphql.max-complexity must be from 1 to "
              + (PagedComplexity.CEILING - 1)
              + ", was "
              + maxComplexity);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "childjourneys.graphql.timeout must be positive, was " + timeout);
    }
  }
}
