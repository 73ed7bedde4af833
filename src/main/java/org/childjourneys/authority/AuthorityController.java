package org.childjourneys.authority;

import java.util.Collection;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AuthorityController {

  private final AuthorityService authority;

  AuthorityController(AuthorityService authority) {
    this.authority = authority;
  }

  @QueryMapping
  AuthorityService.Authority authority() {
    return authority.authority();
  }

  @QueryMapping
  Collection<AuthorityService.ServiceSummary> services() {
    return authority.services().services();
  }

  @QueryMapping
  AuthorityService.ServiceTotals serviceTotals() {
    return authority.services().totals();
  }

  @QueryMapping
  Collection<AuthorityService.DataSource> dataSources() {
    return authority.dataSources();
  }
}
