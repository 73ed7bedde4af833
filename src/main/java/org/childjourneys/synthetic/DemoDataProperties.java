package org.childjourneys.synthetic;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data loaded on first start.
 *
 * @param enabled fill an empty database with a synthetic authority
 * @param children size of the authority, in children known to services
 * @param seed the same seed and size always give the same authority
 * @param loadIntoExternal also fill an empty external (NEO4J_URI) database; off by default
 */
@ConfigurationProperties("childjourneys.demo")
public record DemoDataProperties(
    Boolean enabled, Integer children, Long seed, Boolean loadIntoExternal) {

  public DemoDataProperties {
    enabled = enabled == null || enabled;
    children = children == null ? 10_000 : children;
    seed = seed == null ? 20181001L : seed;
    loadIntoExternal = loadIntoExternal != null && loadIntoExternal;
  }
}
