package org.childjourneys.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A count declared as the sum of other counts, besides the total it was built as. */
class SmallNumbersSumOfTest {

  @Test
  void aSecondWayOfAddingUpIsProtectedToo() {
    // Social care only (10), both (3). Social care's 13 is both + "social care only"; declaring
    // it so withholds "only" alongside "both", else 13 - 10 gives the 3 away.
    SmallNumbers.Table t =
        new SmallNumbers.Table()
            .count("only", 10)
            .count("bothCell", 3)
            .total("single", List.of("only", "bothCell"))
            .total("both", List.of("bothCell"))
            .sumOf("single", List.of("both", "only"));
    var shown = SmallNumbers.suppress(t);
    assertThat(shown.get("single")).isEqualTo(13);
    assertThat(shown.get("both")).isNull();
    assertThat(shown.get("only")).isNull();
    assertThatThrownBy(() -> t.sumOf("single", List.of("only")))
        .hasMessageContaining("not the sum");
  }
}
