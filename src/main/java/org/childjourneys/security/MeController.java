package org.childjourneys.security;

import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** The signed-in user as the service sees them (a front end shows it; support asks for it). */
@Controller
class MeController {

  private final Actors actors;

  MeController(Actors actors) {
    this.actors = actors;
  }

  @QueryMapping
  Actor me() {
    return actors
        .current()
        .orElseThrow(() -> new AccessDeniedException("No role of this service is granted"));
  }

  @SchemaMapping(typeName = "Actor")
  List<Purpose> recordPurposes(Actor actor) {
    return AccessPolicy.recordPurposes(actor.role()).stream().sorted().toList();
  }
}
