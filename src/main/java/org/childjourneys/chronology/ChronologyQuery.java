package org.childjourneys.chronology;

import java.time.LocalDate;
import java.util.List;

/** A page of a chronology: which items (filter), in which order, from where (cursor). */
record ChronologyQuery(
    int first,
    String after,
    boolean newestFirst,
    List<String> services,
    List<String> kinds,
    List<ChronologyItem.Category> categories,
    LocalDate from,
    LocalDate to,
    List<String> flags,
    List<String> needCodes) {

  boolean accepts(ChronologyItem item) {
    return (services == null || services.contains(item.service()))
        && (kinds == null || kinds.contains(item.kind()))
        && (categories == null || categories.contains(item.category()))
        && (from == null || !item.date().isBefore(from))
        && (to == null || !item.date().isAfter(to))
        && (flags == null || flags.stream().anyMatch(item::hasFlag))
        && (needCodes == null || item.needCodes().stream().anyMatch(needCodes::contains));
  }
}
