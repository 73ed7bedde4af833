package org.childjourneys.child;

import java.util.List;
import org.childjourneys.graphql.IdArgument;
import org.childjourneys.graphql.PageSize;
import org.childjourneys.security.AccessPolicy;
import org.childjourneys.security.Actor;
import org.childjourneys.security.Actors;
import org.childjourneys.security.AuditTrail;
import org.childjourneys.security.Purpose;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

@Controller
class ChildController {

  private final ChildService children;
  private final Actors actors;
  private final AccessPolicy policy;
  private final AuditTrail audit;

  ChildController(ChildService children, Actors actors, AccessPolicy policy, AuditTrail audit) {
    this.children = children;
    this.actors = actors;
    this.policy = policy;
    this.audit = audit;
  }

  /**
   * A child's record for a purpose. The read is audited (allowed or not) before the answer leaves;
   * a refused read answers exactly like a missing child.
   */
  @QueryMapping
  ChildView child(@Argument String id, @Argument Purpose purpose) {
    IdArgument.check("id", id);
    Actor actor =
        actors
            .current()
            .orElseThrow(() -> new AccessDeniedException("No role of this service is granted"));
    boolean allowed = policy.mayReadRecord(actor, purpose);
    ChildView view = allowed ? children.child(id, ChildService.MAX_EVENTS).orElse(null) : null;
    audit.record(
        List.of(
            new AuditTrail.Access(
                actor, purpose, "READ", id, "child record", allowed, view != null)));
    return view;
  }

  /**
   * The child's events are read with the child (one query, up to the service's own cap); this trims
   * them to the page asked for.
   */
  @SchemaMapping(typeName = "Child", field = "events")
  List<ChildView.EventView> events(ChildView child, @Argument Integer first) {
    int pageSize = PageSize.check("first", first);
    return child.events().subList(0, Math.min(pageSize, child.events().size()));
  }
}
