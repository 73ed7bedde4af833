package org.childjourneys.measures;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class PlacementStabilityController {

  private final PlacementStabilityService stability;

  PlacementStabilityController(PlacementStabilityService stability) {
    this.stability = stability;
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  PlacementStabilityService.PlacementStability placementStability(
      @Argument int year, @Argument List<PlacementStabilityService.Dimension> by) {
    return stability.placementStability(year, PlacementStabilityService.dimensions(by));
  }
}
