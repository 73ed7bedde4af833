package org.childjourneys.synthetic;

import org.childjourneys.dataset.Dataset;
import org.childjourneys.neo4j.NewStoreInitializer;
import org.childjourneys.neo4j.NoExternalNeo4jCondition;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class SyntheticConfiguration {

  @Bean
  SyntheticAuthorityGenerator syntheticAuthorityGenerator(
      Driver driver,
      @Value("${spring.data.neo4j.database:neo4j}") String database,
      Dataset dataset,
      @Value("${childjourneys.authority.la-code:}") String authority) {
    return new SyntheticAuthorityGenerator(driver, database, dataset, authority);
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

  /**
   * On a new embedded store, the demo authority is bulk-imported before the database starts (many
   * times faster than transactional writes); DemoDataLoader then completes it.
   */
  @Bean
  @Conditional(NoExternalNeo4jCondition.class)
  @ConditionalOnBooleanProperty(name = "childjourneys.demo.bulk-import", matchIfMissing = true)
  NewStoreInitializer syntheticBulkImport(DemoDataProperties properties) {
    return home -> {
      if (properties.enabled()) {
        new SyntheticBulkImport(SyntheticSettings.of(properties.children(), properties.seed()))
            .initialize(home);
      }
    };
  }

  /** Runs after the schema migrations, which create the constraints the generator relies on. */
  @Bean
  @Order(10)
  ApplicationRunner loadDemoData(DemoDataLoader loader) {
    return args -> loader.load();
  }
}
