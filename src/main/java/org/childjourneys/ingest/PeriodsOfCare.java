package org.childjourneys.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The DfE rules that turn SSDA903 episodes (change records) into periods of care and placements.
 *
 * <ul>
 *   <li>A period of care starts with an episode whose reason for new episode (RNE) is S, and lasts
 *       until an episode ends with a reason (REC) other than X1. (A child's first episode in the
 *       extract may not be S: the period began before the data.)
 *   <li>A new placement starts on RNE S, P, B, T or U; L is a change of legal status only and the
 *       placement goes on.
 *   <li>Temporary placements (T0-T4) are kept but not counted as placements, and neither is the
 *       return to the placement the child left for them: the child came back to the same home.
 *   <li>A period spent wholly under short-break legal statuses (V3, V4) is marked and its
 *       placements are not counted, as DfE leaves short-break-only children out of its figures.
 * </ul>
 */
final class PeriodsOfCare {

  private static final Set<String> NEW_PLACEMENT = Set.of("S", "P", "B", "T", "U");
  private static final Set<String> SHORT_BREAKS = Set.of("V3", "V4");

  private PeriodsOfCare() {}

  record Episode(
      LocalDate decom,
      String rne,
      String ls,
      String cin,
      String place,
      String provider,
      LocalDate dec,
      String rec,
      String reasonPlaceChange,
      String homePostcode,
      String placementPostcode,
      String urn,
      Staged.Src src) {

    boolean temporary() {
      return place.startsWith("T");
    }

    /** The same home: placement type, provider, postcode and URN all match. */
    boolean sameHomeAs(Episode o) {
      return place.equals(o.place)
          && java.util.Objects.equals(provider, o.provider)
          && java.util.Objects.equals(placementPostcode, o.placementPostcode)
          && java.util.Objects.equals(urn, o.urn);
    }
  }

  record Placement(
      Episode first,
      LocalDate start,
      LocalDate end,
      String reasonChanged,
      boolean temporary,
      boolean counts) {}

  record Period(
      List<Episode> episodes,
      LocalDate start,
      LocalDate end,
      String reasonEnded,
      List<Placement> placements,
      boolean shortBreaksOnly) {

    String latestLegalStatus() {
      return episodes.get(episodes.size() - 1).ls();
    }

    long countedPlacements() {
      return placements.stream().filter(Placement::counts).count();
    }

    boolean covers(LocalDate d) {
      return !d.isBefore(start) && (end == null || !d.isAfter(end));
    }
  }

  /** Periods of care, oldest first, from one child's valid episodes in any order. */
  static List<Period> build(List<Episode> unsorted) {
    List<Episode> episodes = new ArrayList<>(unsorted);
    episodes.sort(Comparator.comparing(Episode::decom));
    List<Period> periods = new ArrayList<>();
    List<Episode> current = new ArrayList<>();
    for (Episode e : episodes) {
      if (!current.isEmpty() && "S".equals(e.rne())) {
        // A new start while the last period looked open: that period ended when this one began.
        periods.add(period(current));
        current = new ArrayList<>();
      }
      current.add(e);
      if (e.dec() != null && e.rec() != null && !"X1".equals(e.rec())) {
        periods.add(period(current));
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      periods.add(period(current));
    }
    return periods;
  }

  private static Period period(List<Episode> episodes) {
    Episode last = episodes.get(episodes.size() - 1);
    boolean shortBreaks = episodes.stream().allMatch(e -> SHORT_BREAKS.contains(e.ls()));
    List<Placement> placements = new ArrayList<>();
    Episode placementStart = null;
    Episode placementLast = null;
    List<Episode[]> spans = new ArrayList<>();
    for (Episode e : episodes) {
      if (placementStart == null || NEW_PLACEMENT.contains(e.rne())) {
        if (placementStart != null) {
          spans.add(new Episode[] {placementStart, placementLast});
        }
        placementStart = e;
      }
      placementLast = e;
    }
    spans.add(new Episode[] {placementStart, placementLast});
    for (int i = 0; i < spans.size(); i++) {
      Episode first = spans.get(i)[0];
      Episode end = spans.get(i)[1];
      boolean temporary = first.temporary();
      boolean returnFromTemporary =
          i >= 2
              && spans.get(i - 1)[0].temporary()
              && !temporary
              && first.sameHomeAs(spans.get(i - 2)[0]);
      placements.add(
          new Placement(
              first,
              first.decom(),
              end.dec(),
              end.reasonPlaceChange(),
              temporary,
              !temporary && !returnFromTemporary && !shortBreaks));
    }
    boolean closed = last.dec() != null && last.rec() != null && !"X1".equals(last.rec());
    return new Period(
        List.copyOf(episodes),
        episodes.get(0).decom(),
        closed ? last.dec() : null,
        closed ? last.rec() : null,
        placements,
        shortBreaks);
  }
}
