package org.childjourneys.analytics;

import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Overlap between services, pathways to outcomes, and rebuilding the journey summaries. */
@Controller
class JourneyAnalyticsController {

  private final ServiceOverlapService overlap;
  private final PathwaysService pathways;
  private final JourneySummaryRebuild rebuild;

  JourneyAnalyticsController(
      ServiceOverlapService overlap, PathwaysService pathways, JourneySummaryRebuild rebuild) {
    this.overlap = overlap;
    this.pathways = pathways;
    this.rebuild = rebuild;
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  ServiceOverlapService.Overlap serviceOverlap(
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument List<String> services,
      @Argument String cohortId,
      @Argument String relativeTo) {
    return overlap.overlap(from, to, services, cohortId, relativeTo);
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  PathwaysService.Pathways pathways(
      @Argument String outcome,
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument PathwaysService.StepBy by,
      @Argument Integer minSupport,
      @Argument Integer first) {
    return pathways.pathways(
        outcome,
        from,
        to,
        by == null ? PathwaysService.StepBy.KIND : by,
        minSupport == null ? 20 : minSupport,
        first == null ? 20 : first);
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  PathwaysService.PathwayOutcomes pathwayOutcomes(
      @Argument List<String> pathway,
      @Argument PathwaysService.StepBy by,
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument Integer withinMonths) {
    return pathways.pathwayOutcomes(
        pathway,
        by == null ? PathwaysService.StepBy.KIND : by,
        from,
        to,
        withinMonths == null ? 24 : withinMonths);
  }

  /** Rebuilds every child's journey summary (after a bulk change outside imports and linkage). */
  @MutationMapping
  @PreAuthorize("hasRole('ADMIN')")
  long rebuildJourneySummaries() {
    return rebuild.rebuildAll();
  }
}
