package org.childjourneys.analytics;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Unit costs configured for the cost measures (docs/measures.md#costs), overriding or adding to the
 * documented defaults of {@link UnitCosts}: {@code childjourneys.costs.involvement.<KIND>.per-week}
 * or {@code .per-episode}, {@code childjourneys.costs.placement.<PLACE code>.per-week}, {@code
 * childjourneys.costs.programme.<PROGRAMME>.per-week} or {@code .per-episode}. Keys are read
 * ignoring case, with {@code -} as {@code _} ({@code cp-plan} is {@code CP_PLAN}); write {@code
 * involvement[CP_PLAN]} to keep them as they are. A unit cost of 0 switches a default off.
 */
@ConfigurationProperties("childjourneys.costs")
public record UnitCostProperties(
    Map<String, UnitCosts.Unit> involvement,
    Map<String, UnitCosts.Unit> placement,
    Map<String, UnitCosts.Unit> programme) {

  public UnitCostProperties {
    involvement = involvement == null ? Map.of() : involvement;
    placement = placement == null ? Map.of() : placement;
    programme = programme == null ? Map.of() : programme;
  }
}
