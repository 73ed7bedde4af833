package org.childjourneys.analytics;

import java.time.LocalDate;
import org.childjourneys.security.Actors;
import org.childjourneys.security.AuditBatch;
import org.childjourneys.security.Purpose;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Costs of a child's journey (a record read), of a cohort, and programme outcomes (aggregates). */
@Controller
class CostController {

  private final CostService costs;
  private final ProgrammeOutcomesService programmes;
  private final Actors actors;

  CostController(CostService costs, ProgrammeOutcomesService programmes, Actors actors) {
    this.costs = costs;
    this.programmes = programmes;
    this.actors = actors;
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('FRONT_DOOR', 'FRONTLINE', 'MANAGER', 'QUALITY_ASSURANCE')")
  CostService.JourneyCost journeyCost(
      @Argument String childId,
      @Argument Purpose purpose,
      @Argument LocalDate from,
      @Argument LocalDate to,
      @ContextValue(name = AuditBatch.CONTEXT_KEY) AuditBatch audit) {
    return costs.journeyCost(actors.require(), purpose, childId, from, to, audit);
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  CostService.CohortCost cohortCost(
      @Argument String cohortId,
      @Argument CostService.CohortFilter filter,
      @Argument LocalDate from,
      @Argument LocalDate to) {
    return costs.cohortCost(cohortId, filter, from, to);
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  ProgrammeOutcomesService.ProgrammeOutcomes programmeOutcomes(
      @Argument String programme,
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument int months) {
    return programmes.outcomes(programme, from, to, months);
  }
}
