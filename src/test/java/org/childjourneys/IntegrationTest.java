package org.childjourneys;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole service over HTTP against the shared test database. All
 * subclasses share one Spring context (same configuration), which on first start applies the
 * migrations and loads a small synthetic authority through the real demo-data path.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "childjourneys.demo.load-into-external=true",
      "childjourneys.demo.children=" + IntegrationTest.CHILDREN,
      "childjourneys.demo.seed=" + IntegrationTest.SEED
    })
@AutoConfigureHttpGraphQlTester
@org.springframework.context.annotation.Import(QueryCounter.Config.class)
public abstract class IntegrationTest {

  @Autowired private HttpGraphQlTester anonymousGraphQl;

  /** GraphQL as the front-door user; {@link #as} signs in as another. */
  protected HttpGraphQlTester graphQl;

  @BeforeEach
  void signIn() {
    graphQl = as("front-door");
  }

  protected HttpGraphQlTester as(String user) {
    return anonymousGraphQl.mutate().header("Authorization", TestUsers.basic(user)).build();
  }

  protected HttpGraphQlTester anonymous() {
    return anonymousGraphQl;
  }

  public static final int CHILDREN = 400;
  public static final long SEED = 7;

  @DynamicPropertySource
  static void sharedNeo4j(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> TestNeo4j.boltUri().toString());
    registry.add("spring.neo4j.authentication.password", () -> "");
  }
}
