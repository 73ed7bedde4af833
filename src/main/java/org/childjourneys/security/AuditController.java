package org.childjourneys.security;

import java.util.List;
import org.childjourneys.InvalidInputException;
import org.childjourneys.graphql.IdArgument;
import org.childjourneys.graphql.PageSize;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The auditor's questions: who accessed this child, what did this user access. */
@Controller
@PreAuthorize("hasAnyRole('QUALITY_ASSURANCE', 'ADMIN')")
class AuditController {

  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  @QueryMapping
  List<AuditEntry> accessLog(@Argument String childId, @Argument String user, @Argument int last) {
    PageSize.check("last", last);
    IdArgument.check("childId", childId);
    if ((childId == null) == (user == null)) {
      throw new InvalidInputException("childId", "give either childId or user");
    }
    return childId != null ? trail.byChild(childId, last) : trail.byActor(user, last);
  }

  @QueryMapping
  boolean auditChainIntact() {
    return trail.verify().intact();
  }
}
