package org.childjourneys.measures;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class FrontDoorFeedbackController {

  private final FrontDoorFeedbackService feedback;

  FrontDoorFeedbackController(FrontDoorFeedbackService feedback) {
    this.feedback = feedback;
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('FRONT_DOOR', 'MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  FrontDoorFeedbackService.Feedback frontDoorFeedback(
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument List<FrontDoorFeedbackService.Dimension> by) {
    return feedback.feedback(
        from,
        to,
        by == null || by.isEmpty()
            ? EnumSet.of(FrontDoorFeedbackService.Dimension.DECISION)
            : EnumSet.copyOf(by));
  }
}
