package org.childjourneys.measures;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class MeasuresController {

  private final MeasuresService measures;

  MeasuresController(MeasuresService measures) {
    this.measures = measures;
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  List<MeasuresService.Measure> measures(@Argument int year) {
    return measures.measures(year);
  }
}
