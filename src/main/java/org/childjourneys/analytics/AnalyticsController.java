package org.childjourneys.analytics;

import java.time.LocalDate;
import org.childjourneys.disclosure.Audience;
import org.childjourneys.security.Actor;
import org.childjourneys.security.Actors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Aggregates and pseudonymised views: a team's caseload (suppressed unless it is the reader's own
 * team and they manage it), analysts' cohorts (pseudonyms only), and storing pseudonyms on the
 * children for direct graph tools (administrators). See docs/security.md.
 */
@Controller
class AnalyticsController {

  private final TeamCaseloadService caseloads;
  private final CohortService cohorts;
  private final StoredPseudonymService storedPseudonyms;
  private final Actors actors;

  AnalyticsController(
      TeamCaseloadService caseloads,
      CohortService cohorts,
      StoredPseudonymService storedPseudonyms,
      Actors actors) {
    this.caseloads = caseloads;
    this.cohorts = cohorts;
    this.storedPseudonyms = storedPseudonyms;
    this.actors = actors;
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'FRONTLINE', 'ANALYST', 'LEADER')")
  TeamCaseloadService.TeamCaseload teamCaseload(@Argument String teamId) {
    Actor actor =
        actors
            .current()
            .orElseThrow(() -> new AccessDeniedException("No role of this service is granted"));
    return caseloads.caseload(teamId, Audience.ofTeam(actor, teamId)).orElse(null);
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('ANALYST', 'LEADER')")
  CohortService.Cohort cohort(
      @Argument String service,
      @Argument LocalDate openOn,
      @Argument Integer first,
      @Argument String after) {
    return cohorts.cohort(service, openOn, first == null ? 50 : first, after);
  }

  @MutationMapping
  @PreAuthorize("hasRole('ADMIN')")
  int writePseudonyms() {
    return storedPseudonyms.writeAll();
  }
}
