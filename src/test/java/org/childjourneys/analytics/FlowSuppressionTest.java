package org.childjourneys.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Secondary suppression where one count is the total of several groups (Sankey nodes). */
class FlowSuppressionTest {

  @Test
  void withheldPartsThatMustAllBeOneTakeTheNextPartWithThem() {
    // Node 12 = 1 + 1 + 10: the two 1s are withheld, but 12 - 10 = 2 over two withheld parts
    // means both are 1, so the 10 goes too.
    FlowSuppression t =
        new FlowSuppression().count("a", 1).count("b", 1).count("c", 10).count("node", 12);
    t.group("node", List.of("a", "b", "c"));
    assertThat(t.withheld()).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void aNodeIsTheTotalOfItsIncomingAndOutgoingLinks() {
    // Node 20 in by links 3 + 17, out by links 8 + 12. The 3 is withheld; its partner 17 too.
    // Out-links are all shown and add up to the shown node: nothing to hide there.
    FlowSuppression t =
        new FlowSuppression()
            .count("in1", 3)
            .count("in2", 17)
            .count("out1", 8)
            .count("out2", 12)
            .count("node", 20);
    t.group("node", List.of("in1", "in2")).group("node", List.of("out1", "out2"));
    assertThat(t.withheld()).containsExactlyInAnyOrder("in1", "in2");
    // A node with one link of 4: both are small (primary); counts outside any group are left be.
    FlowSuppression single = new FlowSuppression().count("only", 4).count("n", 4).count("m", 9);
    single.group("n", List.of("only"));
    assertThat(single.withheld()).containsExactlyInAnyOrder("only", "n");
  }

  @Test
  void partsMustAddUpToTheirTotal() {
    FlowSuppression t = new FlowSuppression().count("a", 2).count("n", 3);
    assertThatThrownBy(() -> t.group("n", List.of("a")))
        .hasMessageContaining("n is 3, its parts 2");
  }
}
