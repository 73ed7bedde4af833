package org.childjourneys.child;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ChildController {

  private final ChildService children;

  ChildController(ChildService children) {
    this.children = children;
  }

  @QueryMapping
  ChildView child(@Argument String id) {
    return children.child(id, ChildService.MAX_EVENTS).orElse(null);
  }

  /** The child's events are read with the child (one query); this only trims the list. */
  @SchemaMapping(typeName = "Child", field = "events")
  List<ChildView.EventView> events(ChildView child, @Argument Integer first) {
    if (first == null || first < 1 || first > ChildService.MAX_EVENTS) {
      throw new IllegalArgumentException(
          "first must be between 1 and " + ChildService.MAX_EVENTS + ", was " + first);
    }
    return child.events().subList(0, Math.min(first, child.events().size()));
  }
}
