package org.childjourneys.analytics;

import java.time.LocalDate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Front-door guidance: outcome rates of past children with a similar profile (aggregates). */
@Controller
class FrontDoorGuidanceController {

  private final FrontDoorGuidanceService guidance;

  FrontDoorGuidanceController(FrontDoorGuidanceService guidance) {
    this.guidance = guidance;
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('FRONT_DOOR', 'MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  FrontDoorGuidanceService.Guidance frontDoorGuidance(
      @Argument FrontDoorGuidanceService.Profile profile,
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument int months) {
    return guidance.guidance(profile, from, to, months);
  }
}
