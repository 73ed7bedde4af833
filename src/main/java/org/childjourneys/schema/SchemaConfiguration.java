package org.childjourneys.schema;

import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Brings the database schema up to date before anything else touches the data. */
@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

  /** Runs first among start-up tasks; demo data and imports rely on the constraints. */
  public static final int ORDER = 0;

  @Bean
  SchemaMigrations schemaMigrations(
      Driver driver,
      @Value("${spring.data.neo4j.database:neo4j}") String database,
      @Value("${childjourneys.authority.la-code:}") String homeAuthority) {
    return new SchemaMigrations(driver, database, homeAuthority);
  }

  @Bean
  @Order(ORDER)
  ApplicationRunner applySchemaMigrations(SchemaMigrations migrations) {
    return (ApplicationArguments args) -> migrations.migrate();
  }
}
