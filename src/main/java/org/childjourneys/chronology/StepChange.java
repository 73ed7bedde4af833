package org.childjourneys.chronology;

import java.time.LocalDate;

/** A move between early help and social care (tier 3/4 boundary), with what came before. */
record StepChange(
    LocalDate date, String direction, ChronologyItem from, ChronologyItem to, String reason) {}
