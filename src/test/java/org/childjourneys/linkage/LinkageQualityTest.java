package org.childjourneys.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The quality targets at the default thresholds, on a corpus written to the fixed
 * corruption specification (20,000 people; the benchmark runs 1,000,000).
 */
class LinkageQualityTest {

  private static Linker defaults() {
    LinkageProperties p = new LinkageProperties(null, null);
    return new Linker(p.linkAbove(), p.reviewAbove());
  }

  @Test
  void meetsThePrecisionRecallAndReviewTargets() {
    LinkageEvaluation e = LinkageEvaluation.run(20261127L, 20_000, 20_000, defaults());
    System.out.println(e.table());
    assertThat(e.incoming).isGreaterThan(20_000);
    assertThat(e.all.precision()).isGreaterThanOrEqualTo(0.995);
    assertThat(e.all.recall()).isGreaterThanOrEqualTo(0.95);
    assertThat(e.all.reviewShare()).isLessThanOrEqualTo(0.03);
    e.slices.forEach(
        (slice, t) ->
            assertThat(t.precision())
                .as("precision in slice %s", slice)
                .isGreaterThanOrEqualTo(0.98));
  }
}
