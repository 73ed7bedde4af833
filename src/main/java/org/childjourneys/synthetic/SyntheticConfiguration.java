package org.childjourneys.synthetic;

import org.childjourneys.dataset.Dataset;
import org.childjourneys.neo4j.NoExternalNeo4jCondition;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class SyntheticConfiguration {

  @Bean
  SyntheticAuthorityGenerator syntheticAuthorityGenerator(
      Driver driver,
      @Value("${spring.data.neo4j.database:neo4j}") String database,
      Dataset dataset) {
    return new SyntheticAuthorityGenerator(driver, database, dataset);
  }

  @Bean
  DemoDataLoader demoDataLoader(
      DemoDataProperties properties,
      @Value("${spring.neo4j.uri:}") String neo4jUri,
      Dataset dataset,
      SyntheticAuthorityGenerator generator) {
    return new DemoDataLoader(
        properties, NoExternalNeo4jCondition.isEmbedded(neo4jUri), dataset, generator);
  }

  /** Runs after the schema migrations, which create the constraints the generator relies on. */
  @Bean
  @Order(10)
  ApplicationRunner loadDemoData(DemoDataLoader loader) {
    return args -> loader.load();
  }
}
