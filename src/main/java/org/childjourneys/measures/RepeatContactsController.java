package org.childjourneys.measures;

import java.time.LocalDate;
import org.childjourneys.security.Actors;
import org.childjourneys.security.AuditBatch;
import org.childjourneys.security.Purpose;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class RepeatContactsController {

  private final RepeatContactsService repeatContacts;
  private final Actors actors;

  RepeatContactsController(RepeatContactsService repeatContacts, Actors actors) {
    this.repeatContacts = repeatContacts;
    this.actors = actors;
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('FRONT_DOOR', 'MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  RepeatContactsService.RepeatContacts repeatContacts(
      @Argument Purpose purpose,
      @Argument LocalDate to,
      @Argument int months,
      @Argument int atLeast,
      @Argument int first,
      @ContextValue(name = AuditBatch.CONTEXT_KEY) AuditBatch audit) {
    return repeatContacts.repeatContacts(
        actors.require(), purpose, to, months, atLeast, first, audit);
  }
}
