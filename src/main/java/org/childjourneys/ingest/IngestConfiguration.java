package org.childjourneys.ingest;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IngestConfiguration {

  /** After the schema is in place, jobs interrupted by the last stop carry on. */
  @Bean
  @Order(20)
  ApplicationRunner resumeInterruptedImports(ImportJobService jobs) {
    return args -> jobs.resumeUnfinished();
  }
}
