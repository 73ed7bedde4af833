package org.childjourneys.analytics;

import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Baseline and trends (docs/measures.md): flows between services, counts and rates per period, and
 * hotspots by area. Aggregates, suppressed for every role.
 */
@Controller
class BaselineController {

  private final ServiceFlowsService flows;
  private final ServiceTrendsService trends;
  private final HotspotsService hotspots;

  BaselineController(
      ServiceFlowsService flows, ServiceTrendsService trends, HotspotsService hotspots) {
    this.flows = flows;
    this.trends = trends;
    this.hotspots = hotspots;
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  ServiceFlowsService.Flows serviceFlows(
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument String every,
      @Argument String by,
      @Argument List<String> services) {
    return flows.flows(from, to, every, by, services);
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  ServiceTrendsService.Trends serviceTrends(
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument String every,
      @Argument List<String> services,
      @Argument List<String> needCodes) {
    return trends.trends(from, to, every, services, needCodes);
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  HotspotsService.Hotspots hotspots(
      @Argument String kind,
      @Argument String service,
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument Integer ageFrom,
      @Argument Integer ageTo,
      @Argument Integer first) {
    return hotspots.hotspots(
        kind,
        service,
        from,
        to,
        ageFrom == null ? 0 : ageFrom,
        ageTo == null ? 17 : ageTo,
        first == null ? 50 : first);
  }
}
