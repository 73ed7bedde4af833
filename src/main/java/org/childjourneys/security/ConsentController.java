package org.childjourneys.security;

import org.childjourneys.graphql.IdArgument;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class ConsentController {

  private final ConsentRegister consents;
  private final Actors actors;

  ConsentController(ConsentRegister consents, Actors actors) {
    this.consents = consents;
    this.actors = actors;
  }

  @MutationMapping
  ConsentRegister.Consent recordConsent(
      @Argument Purpose purpose,
      @Argument String childId,
      @Argument String service,
      @Argument String scope,
      @Argument boolean given,
      @Argument String note) {
    IdArgument.check("childId", childId);
    return consents.record(actors.require(), purpose, childId, service, scope, given, note);
  }
}
