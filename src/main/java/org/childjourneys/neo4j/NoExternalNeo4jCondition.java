package org.childjourneys.neo4j;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no external Neo4j URI is configured, so the service runs its own database. */
public class NoExternalNeo4jCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return isEmbedded(context.getEnvironment().getProperty("spring.neo4j.uri"));
  }

  public static boolean isEmbedded(String configuredUri) {
    return configuredUri == null || configuredUri.isBlank();
  }
}
