package org.childjourneys.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.language.IntValue;
import graphql.schema.GraphQLArgument;
import graphql.schema.InputValueWithState;
import java.util.List;

/**
 * How much work a field asks for: 1 for the field, plus its selections once per item it may return.
 * A paged list (argument {@code first} or {@code last}) returns up to a page of items, so its
 * selections count page-size times; the page size is the one asked for, else the argument's
 * default, else 1. Lists without a page argument count once.
 *
 * <p>A field's cost is capped at {@link #CEILING}: graphql-java adds costs up as {@code int}, and a
 * hostile {@code first: 2000000000} on two sibling fields would otherwise overflow to a negative
 * total and pass the limit. The parser stops at 15,000 tokens, so no sum of capped costs overflows.
 */
final class PagedComplexity implements FieldComplexityCalculator {

  static final int CEILING = 100_000;

  private static final List<String> PAGE_ARGUMENTS = List.of("first", "last");

  @Override
  public int calculate(FieldComplexityEnvironment env, int childComplexity) {
    long cost = 1 + pageSize(env) * (long) childComplexity;
    return (int) Math.min(cost, CEILING);
  }

  private static long pageSize(FieldComplexityEnvironment env) {
    for (String name : PAGE_ARGUMENTS) {
      Object asked = env.getArguments().get(name);
      if (asked == null) {
        asked = defaultValue(env.getFieldDefinition().getArgument(name));
      }
      if (asked instanceof Number number) {
        // Zero or negative pages are refused when the field runs; here they cost one item.
        return Math.max(1, number.longValue());
      }
    }
    return 1;
  }

  private static Object defaultValue(GraphQLArgument argument) {
    if (argument == null || !argument.hasSetDefaultValue()) {
      return null;
    }
    InputValueWithState value = argument.getArgumentDefaultValue();
    return value.getValue() instanceof IntValue literal ? literal.getValue() : value.getValue();
  }
}
