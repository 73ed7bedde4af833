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
class OnwardJourneysController {

  private final OnwardJourneysService journeys;

  private final Actors actors;

  OnwardJourneysController(OnwardJourneysService journeys, Actors actors) {
    this.journeys = journeys;
    this.actors = actors;
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('FRONT_DOOR', 'MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  OnwardJourneysService.Journeys onwardJourneys(
      @Argument String kind,
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument List<OnwardJourneysService.Dimension> by) {
    return journeys.journeys(
        actors.require(),
        kind,
        from,
        to,
        by == null || by.isEmpty()
            ? EnumSet.noneOf(OnwardJourneysService.Dimension.class)
            : EnumSet.copyOf(by));
  }
}
