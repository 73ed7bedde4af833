package org.childjourneys.measures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Kaplan-Meier estimate of the share still "surviving" (e.g. still in their first placement) at
 * a time, from follow-ups that either ended in the event or were censored (still going when the
 * data ends, or ended for another reason). Censored follow-ups count as at risk up to their time,
 * and no longer: so a cohort that is still young is not read as "nothing happened".
 */
final class KaplanMeier {

  /** One follow-up: its length (days) and whether it ended in the event. */
  record FollowUp(long days, boolean event) {}

  private final List<FollowUp> followUps = new ArrayList<>();

  void add(long days, boolean event) {
    followUps.add(new FollowUp(Math.max(0, days), event));
  }

  int size() {
    return followUps.size();
  }

  int events() {
    return (int) followUps.stream().filter(FollowUp::event).count();
  }

  /**
   * The estimated share without the event after {@code days}; null when no follow-up reaches that
   * far (the estimate would rest on nobody).
   */
  Double survival(long days) {
    if (followUps.isEmpty() || followUps.stream().noneMatch(f -> f.days() >= days)) {
      return null;
    }
    double share = 1;
    for (long[] step : steps()) {
      if (step[0] > days) {
        break;
      }
      share *= 1 - (double) step[1] / step[2];
    }
    return share;
  }

  /** The first event time at which the share without the event falls to one half or below. */
  Long medianDays() {
    double share = 1;
    for (long[] step : steps()) {
      share *= 1 - (double) step[1] / step[2];
      if (share <= 0.5) {
        return step[0];
      }
    }
    return null;
  }

  /** Each event time with its events and the number at risk just before it. */
  private List<long[]> steps() {
    List<FollowUp> sorted = new ArrayList<>(followUps);
    sorted.sort(Comparator.comparingLong(FollowUp::days));
    List<long[]> steps = new ArrayList<>();
    int atRisk = sorted.size();
    int i = 0;
    while (i < sorted.size()) {
      long t = sorted.get(i).days();
      int events = 0;
      int leaving = 0;
      while (i < sorted.size() && sorted.get(i).days() == t) {
        events += sorted.get(i).event() ? 1 : 0;
        leaving++;
        i++;
      }
      if (events > 0) {
        steps.add(new long[] {t, events, atRisk});
      }
      atRisk -= leaving;
    }
    return steps;
  }
}
