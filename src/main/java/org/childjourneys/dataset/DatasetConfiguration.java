package org.childjourneys.dataset;

import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatasetConfiguration {

  @Bean
  Dataset dataset(
      Driver driver,
      @Value("${spring.data.neo4j.database:neo4j}") String database,
      @Value("${childjourneys.data.allow-mixed:false}") boolean allowMixed) {
    return new Dataset(driver, database, allowMixed);
  }
}
