package org.childjourneys;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Child Journeys: a graph of children's journeys through local-authority services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChildJourneysApplication {

  public static void main(String[] args) {
    SpringApplication.run(ChildJourneysApplication.class, args);
  }
}
