package org.childjourneys.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourneys.disclosure.SmallNumbers;

/**
 * Primary and secondary suppression of counts where one count can be the total of several groups (a
 * Sankey node is the total of its incoming links and of its outgoing links, and the period's nodes
 * add up to the children in the flows). The rule is {@link SmallNumbers}'s: counts of 1 to 5 are
 * withheld; then, repeatedly until nothing changes, a group (a total and its parts) from which a
 * withheld member could be worked out (exactly one withheld, or a shown total whose withheld parts
 * must all be 1) has its smallest shown non-zero part withheld too (ties: the first declared), or
 * its total when no part qualifies.
 */
final class FlowSuppression {

  private final Map<String, Long> values = new LinkedHashMap<>();
  private final List<Map.Entry<String, List<String>>> groups = new ArrayList<>();

  FlowSuppression count(String key, long value) {
    values.merge(key, value, (a, b) -> a);
    return this;
  }

  /** Declares that the total (already counted) is the sum of these parts. */
  FlowSuppression group(String total, List<String> parts) {
    long sum = parts.stream().mapToLong(values::get).sum();
    if (sum != values.get(total)) {
      throw new IllegalStateException(total + " is " + values.get(total) + ", its parts " + sum);
    }
    groups.add(Map.entry(total, List.copyOf(parts)));
    return this;
  }

  /** The keys withheld. */
  Set<String> withheld() {
    Set<String> withheld = new HashSet<>();
    values.forEach(
        (k, v) -> {
          if (v >= 1 && v <= SmallNumbers.MAX_SUPPRESSED) {
            withheld.add(k);
          }
        });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, List<String>> g : groups) {
        if (derivable(g.getKey(), g.getValue(), withheld)) {
          String partner = null;
          for (String part : g.getValue()) {
            long v = values.get(part);
            if (v > 0 && !withheld.contains(part) && (partner == null || v < values.get(partner))) {
              partner = part;
            }
          }
          withheld.add(partner != null ? partner : g.getKey());
          changed = true;
        }
      }
    }
    return withheld;
  }

  private boolean derivable(String total, List<String> parts, Set<String> withheld) {
    long members = parts.stream().filter(withheld::contains).count();
    boolean totalWithheld = withheld.contains(total);
    if (members + (totalWithheld ? 1 : 0) == 1) {
      return true;
    }
    if (members == 0 || totalWithheld) {
      return false;
    }
    long sum = parts.stream().filter(withheld::contains).mapToLong(values::get).sum();
    return sum == members;
  }
}
