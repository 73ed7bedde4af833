package org.childjourneys.measures;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class StatisticalNeighboursController {

  private final StatisticalNeighboursService neighbours;

  StatisticalNeighboursController(StatisticalNeighboursService neighbours) {
    this.neighbours = neighbours;
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('MANAGER', 'LEADER', 'ANALYST', 'QUALITY_ASSURANCE')")
  StatisticalNeighboursService.StatisticalNeighbours statisticalNeighbours(
      @Argument int year, @Argument List<String> codes) {
    return neighbours.compare(year, codes);
  }
}
