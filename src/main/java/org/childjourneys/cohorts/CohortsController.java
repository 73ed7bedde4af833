package org.childjourneys.cohorts;

import java.time.LocalDate;
import java.util.List;
import org.childjourneys.security.Actors;
import org.childjourneys.security.AuditBatch;
import org.childjourneys.security.Purpose;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Saved cohorts (docs/measures.md#cohorts): define and save, list, track, compare, sample.
 * Managers, leaders, analysts and quality assurance; only quality assurance reading for AUDIT sees
 * who is in a sample.
 */
@Controller
class CohortsController {

  private final SavedCohortService cohorts;
  private final Actors actors;

  CohortsController(SavedCohortService cohorts, Actors actors) {
    this.cohorts = cohorts;
    this.actors = actors;
  }

  @MutationMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  SavedCohortService.SavedCohort saveCohort(
      @Argument String name, @Argument CohortDefinition definition) {
    return cohorts.save(actors.require(), name, definition);
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  List<SavedCohortService.SavedCohort> cohorts(@Argument Integer first) {
    return cohorts.list(first == null ? 50 : first);
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  SavedCohortService.Track cohortTrack(
      @Argument String id,
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument SavedCohortService.Interval every) {
    return cohorts.track(actors.require(), id, from, to, every);
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  SavedCohortService.Comparison compareCohorts(
      @Argument String a,
      @Argument String b,
      @Argument LocalDate from,
      @Argument LocalDate to,
      @Argument SavedCohortService.Interval every) {
    return cohorts.compare(actors.require(), a, b, from, to, every);
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  SavedCohortService.Sample cohortSample(
      @Argument String id,
      @Argument Integer size,
      @Argument Long seed,
      @Argument Purpose purpose,
      @ContextValue(name = AuditBatch.CONTEXT_KEY) AuditBatch audit) {
    return cohorts.sample(actors.require(), id, size == null ? 10 : size, seed, purpose, audit);
  }
}
