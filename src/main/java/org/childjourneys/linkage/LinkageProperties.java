package org.childjourneys.linkage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The linkage thresholds, as match probabilities (docs/linkage.md).
 *
 * @param linkAbove a candidate at or above this probability is linked automatically (default 0.96:
 *     the operating point measured on the fixed corruption specification at 1M people,
 *     docs/benchmarks.md)
 * @param reviewAbove between this and {@code linkAbove} the pair goes to the review queue and the
 *     record becomes a new person until a reviewer accepts the match (default 0.5)
 */
@ConfigurationProperties("childjourneys.linkage")
public record LinkageProperties(Double linkAbove, Double reviewAbove) {

  public LinkageProperties {
    linkAbove = linkAbove == null ? 0.96 : linkAbove;
    reviewAbove = reviewAbove == null ? 0.5 : reviewAbove;
    new Linker(linkAbove, reviewAbove); // fails at start with a message naming both values
  }
}
