package org.childjourneys.measures;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.childjourneys.security.Actors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class FrontDoorFeedbackController {

  private final FrontDoorFeedbackService feedback;

  private final Actors actors;

  FrontDoorFeedbackController(FrontDoorFeedbackService feedback, Actors actors) {
    this.feedback = feedback;
    this.actors = actors;
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('FRONT_DOOR', 'MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  FrontDoorFeedbackService.Feedback frontDoorFeedback(
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument List<FrontDoorFeedbackService.Dimension> by) {
    return feedback.feedback(
        actors.require(),
        from,
        to,
        by == null || by.isEmpty()
            ? EnumSet.of(FrontDoorFeedbackService.Dimension.DECISION)
            : EnumSet.copyOf(by));
  }
}
