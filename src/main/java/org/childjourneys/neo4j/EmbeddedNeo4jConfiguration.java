package org.childjourneys.neo4j;

import java.net.URI;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded Neo4j when no external server is configured ({@code spring.neo4j.uri} /
 * {@code NEO4J_URI} blank) and hands Boot's Driver its Bolt address and credentials. Because the
 * Driver depends on the connection details, which depend on the database, Spring closes the Driver
 * before the database on shutdown.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalNeo4jCondition.class)
class EmbeddedNeo4jConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedNeo4j embeddedNeo4j(
      EmbeddedNeo4jProperties properties, ObjectProvider<NewStoreInitializer> initializers) {
    NewStorePreparation.prepare(
        properties.dataDirectory().toAbsolutePath().normalize(),
        initializers.orderedStream().toList());
    return EmbeddedNeo4j.start(properties);
  }

  @Bean
  Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
    return new Neo4jConnectionDetails() {
      @Override
      public URI getUri() {
        return neo4j.boltUri();
      }

      @Override
      public AuthToken getAuthToken() {
        return AuthTokens.basic(neo4j.username(), neo4j.password());
      }
    };
  }
}
