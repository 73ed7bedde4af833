package org.childjourneys.analytics.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.childjourneys.InvalidInputException;
import org.childjourneys.analytics.PathwaysService;
import org.childjourneys.analytics.ServiceOverlapService;
import org.childjourneys.dataset.Dataset;
import org.childjourneys.dataset.Sources;
import org.childjourneys.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Board reports (docs/reports.md): the answer of {@code serviceOverlap} or {@code pathways}, from
 * the very service methods the GraphQL queries call with the same arguments, laid out as tables
 * with a chart and a method note. Nothing is recomputed: every figure is a value of the answer, and
 * withheld ones (null) stay withheld.
 */
@Service
public class BoardReportService {

  static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  static final String SMALL_NUMBERS =
      "Counts of 1 to 5 are withheld, and so are counts that would let a withheld one be worked out"
          + " from a total and the counts shown (secondary suppression), and counts whose"
          + " complement in their whole is 1 to 5; shares, rates, intervals and lifts built on a"
          + " withheld count are withheld with it. The same rule applies to every role"
          + " (docs/security.md): these figures may leave the service.";

  static final String SYMBOLS =
      Report.WITHHELD
          + ": withheld to protect small numbers. "
          + Report.NOT_APPLICABLE
          + ": not applicable (e.g. a share of no children). Every other value is a number;"
          + " shares and rates are fractions (0.25 is 25%), shown as percentages.";

  /** The overlap report's arguments, as {@code serviceOverlap} takes them. */
  public record OverlapArgs(
      LocalDate from, LocalDate to, List<String> services, String cohortId, String relativeTo) {}

  /** The pathways report's arguments, as {@code pathways} takes them. */
  public record PathwaysArgs(
      String outcome,
      LocalDate from,
      LocalDate to,
      PathwaysService.StepBy by,
      int minSupport,
      int first) {}

  private final ServiceOverlapService overlap;
  private final PathwaysService pathways;
  private final Sources sources;
  private final Dataset dataset;

  BoardReportService(
      ServiceOverlapService overlap, PathwaysService pathways, Sources sources, Dataset dataset) {
    this.overlap = overlap;
    this.pathways = pathways;
    this.sources = sources;
    this.dataset = dataset;
  }

  @Transactional(readOnly = true)
  public Report overlap(OverlapArgs args, Actor actor) {
    ServiceOverlapService.Overlap o =
        overlap.overlap(
            args.from(), args.to(), args.services(), args.cohortId(), args.relativeTo());
    ServiceOverlapService.SavedCohort cohort =
        args.cohortId() == null
            ? null
            : overlap
                .savedCohort(args.cohortId())
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "cohortId", "no saved cohort '" + args.cohortId() + "'"));
    return overlapReport(o, cohort, method(actor, o.from(), o.to()));
  }

  @Transactional(readOnly = true)
  public Report pathways(PathwaysArgs args, Actor actor) {
    PathwaysService.Pathways p =
        pathways.pathways(
            args.outcome(), args.from(), args.to(), args.by(), args.minSupport(), args.first());
    return pathwaysReport(p, args.first(), method(actor, p.from(), p.to()));
  }

  /** What every method note says: who, when, which data. */
  private Common method(Actor actor, LocalDate from, LocalDate to) {
    Sources.Catalogue catalogue = sources.catalogue();
    String data =
        dataset
            .marker()
            .map(
                m ->
                    m.kind() == Dataset.Kind.SYNTHETIC
                        ? "SYNTHETIC: generated test data about no real child"
                        : "REAL")
            .orElse("not marked (no data loaded)");
    return new Common(
        actor,
        OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS),
        data,
        catalogue.referenceDate(),
        catalogue.sources());
  }

  /** The parts of the method note that do not depend on the analysis. */
  record Common(
      Actor actor,
      OffsetDateTime at,
      String data,
      LocalDate referenceDate,
      List<Sources.Source> sources) {}

  static String period(LocalDate from, LocalDate to) {
    return LONG_DATE.format(from) + " to " + LONG_DATE.format(to);
  }

  static String stem(String what, LocalDate from, LocalDate to) {
    return what + "-" + from + "-to-" + to;
  }

  static Report overlapReport(
      ServiceOverlapService.Overlap o, ServiceOverlapService.SavedCohort cohort, Common common) {
    List<Report.Table> tables = new ArrayList<>();
    Map<String, Integer> children = new HashMap<>();
    o.services().forEach(s -> children.put(s.service(), s.children()));

    List<List<Report.Cell>> summary = new ArrayList<>();
    summary.add(row(Report.Cell.text("Children in the cohort"), Report.Cell.count(o.children())));
    ServiceOverlapService.Timing t = o.relativeTo();
    if (t != null) {
      summary.add(
          row(
              Report.Cell.text("Children of " + t.service() + " in the period"),
              Report.Cell.count(t.children())));
      summary.add(
          row(
              Report.Cell.text("Of them, children whose " + t.service() + " had ended"),
              Report.Cell.count(t.ended())));
    }
    tables.add(
        new Report.Table(
            "summary",
            "Summary",
            "Children in the cohort" + (t == null ? "" : " and of " + t.service()),
            List.of("Measure", "Children"),
            summary));

    List<List<Report.Cell>> services = new ArrayList<>();
    for (ServiceOverlapService.ServiceCount s : o.services()) {
      services.add(row(Report.Cell.text(s.service()), Report.Cell.count(s.children())));
    }
    tables.add(
        new Report.Table(
            "services",
            "Services",
            "Children with an involvement of each service active in the period",
            List.of("Service", "Children"),
            services));

    List<List<Report.Cell>> pairs = new ArrayList<>();
    for (ServiceOverlapService.ServicePair p : o.pairs()) {
      pairs.add(
          row(
              Report.Cell.text(p.a()),
              Report.Cell.text(p.b()),
              Report.Cell.count(p.both()),
              Report.Cell.derived(
                  p.jaccard(),
                  Report.Format.RATIO,
                  p.both(),
                  children.get(p.a()),
                  children.get(p.b()))));
    }
    tables.add(
        new Report.Table(
            "pairs",
            "Pairs",
            "Children known to both services of each pair, and Jaccard similarity (both / either)",
            List.of("Service A", "Service B", "Children with both", "Jaccard"),
            pairs));

    List<List<Report.Cell>> combinations = new ArrayList<>();
    for (ServiceOverlapService.Combination c : o.combinations()) {
      combinations.add(
          row(
              Report.Cell.text(combination(c.services())),
              new Report.Cell.Number(c.services().size(), Report.Format.COUNT),
              Report.Cell.count(c.children())));
    }
    tables.add(
        new Report.Table(
            "combinations",
            "Combinations (UpSet)",
            "Children by the exact combination of services they had (UpSet), largest first",
            List.of("Services", "Number of services", "Children"),
            combinations));

    if (t != null) {
      List<List<Report.Cell>> shares = new ArrayList<>();
      for (ServiceOverlapService.Share s : t.others()) {
        shares.add(
            row(
                Report.Cell.text(s.service()),
                Report.Cell.count(s.before()),
                Report.Cell.derived(
                    s.beforeShare(), Report.Format.PERCENT, s.before(), t.children()),
                Report.Cell.count(s.during()),
                Report.Cell.derived(
                    s.duringShare(), Report.Format.PERCENT, s.during(), t.children()),
                Report.Cell.count(s.after()),
                Report.Cell.derived(s.afterShare(), Report.Format.PERCENT, s.after(), t.ended())));
      }
      tables.add(
          new Report.Table(
              "relative",
              "Relative to " + t.service(),
              "Of the children of "
                  + t.service()
                  + ": known to each other service before, during and after "
                  + t.service()
                  + " (after: of those whose "
                  + t.service()
                  + " had ended)",
              List.of(
                  "Service",
                  "Before",
                  "Before (share)",
                  "During",
                  "During (share)",
                  "After",
                  "After (share of ended)"),
              shares));
    }

    List<Report.Bar> bars = new ArrayList<>();
    for (ServiceOverlapService.ServiceCount s : o.services()) {
      bars.add(
          new Report.Bar(
              s.service(), s.children() == null ? null : (double) s.children(), null, null));
    }
    Report.Chart chart =
        new Report.Chart(
            "Children by service",
            "Children with an involvement of each service active in the period; "
                + Report.WITHHELD
                + " marks a withheld count.",
            Report.Format.COUNT,
            bars,
            null,
            null);

    String title = "Overlap between services, " + period(o.from(), o.to());
    List<Report.Note> method = new ArrayList<>();
    method.add(new Report.Note("Report", title));
    method.add(new Report.Note("Period", o.from() + " to " + o.to() + " (inclusive)"));
    method.add(
        new Report.Note(
            "Cohort",
            cohort == null
                ? "Every child with an involvement of any service active (open at some time) in"
                    + " the period."
                : "The members of the saved cohort "
                    + cohort.id()
                    + " \""
                    + cohort.name()
                    + "\", frozen when it was saved (data as at "
                    + cohort.referenceDate()
                    + "), whether or not active in the period; a member merged since counts as"
                    + " the child they were merged into. Definition: "
                    + cohort.definition()));
    method.add(
        new Report.Note(
            "Services",
            String.join(", ", o.services().stream().map(s -> s.service()).toList())
                + ". A child has a service when an involvement of it was active (started on or"
                + " before the end and not ended before the start of the period)."));
    if (t != null) {
      method.add(
          new Report.Note(
              "Relative to " + t.service(),
              t.service()
                  + " began at the start of the child's first "
                  + t.service()
                  + " involvement active in the period and ended at the end of the last one (not"
                  + " ended while one is open). Before: an involvement of the other service"
                  + " started before "
                  + t.service()
                  + " began; during: one overlapped a "
                  + t.service()
                  + " involvement; after: one started after "
                  + t.service()
                  + " ended, counted over the children whose "
                  + t.service()
                  + " had ended. A child can count in all three."));
    }
    method.add(
        new Report.Note(
            "Same figures as",
            "the GraphQL query serviceOverlap(from: \""
                + o.from()
                + "\", to: \""
                + o.to()
                + "\", services: "
                + o.services().stream().map(s -> "\"" + s.service() + "\"").toList()
                + (o.cohortId() == null ? "" : ", cohortId: \"" + o.cohortId() + "\"")
                + (t == null ? "" : ", relativeTo: \"" + t.service() + "\"")
                + "); definitions in docs/measures.md#overlap."));
    common(method, common);
    method.add(
        new Report.Note(
            "Caveat",
            "Records outside a source's coverage (above) are not in the data: no involvement"
                + " there is not evidence of no involvement."));
    method.add(
        new Report.Note(
            "Caveat",
            "Children are the service's linked children: records of one child not yet linked"
                + " (docs/linkage.md) count as separate children."));
    method.add(
        new Report.Note(
            "Caveat",
            "The combinations add up to the cohort, and a service's (or pair's) children are the"
                + " sum of the combinations containing it; withheld cells cannot be worked out"
                + " from the others."));
    method.add(
        new Report.Note(
            "Caveat",
            "Overlap says which services share children, not why, nor whether one led to"
                + " another."));
    return new Report(title, stem("overlap", o.from(), o.to()), tables, "pairs", chart, method);
  }

  static Report pathwaysReport(PathwaysService.Pathways p, int first, Common common) {
    List<Report.Table> tables = new ArrayList<>();
    tables.add(
        new Report.Table(
            "summary",
            "Summary",
            "The population and its outcome rate (" + p.outcome() + ")",
            List.of("Measure", "Value"),
            List.of(
                row(
                    Report.Cell.text("Children in the population"),
                    Report.Cell.count(p.children())),
                row(
                    Report.Cell.text("Children with the outcome"),
                    Report.Cell.count(p.withOutcome())),
                row(
                    Report.Cell.text("Outcome rate"),
                    Report.Cell.derived(
                        p.outcomeRate(), Report.Format.PERCENT, p.withOutcome(), p.children())),
                row(
                    Report.Cell.text("Outcome rate, 95% interval low"),
                    Report.Cell.derived(
                        p.outcomeRateLow(), Report.Format.PERCENT, p.withOutcome(), p.children())),
                row(
                    Report.Cell.text("Outcome rate, 95% interval high"),
                    Report.Cell.derived(
                        p.outcomeRateHigh(),
                        Report.Format.PERCENT,
                        p.withOutcome(),
                        p.children())))));

    List<List<Report.Cell>> rows = new ArrayList<>();
    int rank = 0;
    for (PathwaysService.Pathway x : p.pathways()) {
      rank++;
      rows.add(
          row(
              new Report.Cell.Number(rank, Report.Format.COUNT),
              Report.Cell.text(steps(x.steps())),
              new Report.Cell.Number(x.steps().size(), Report.Format.COUNT),
              new Report.Cell.Number(x.support(), Report.Format.COUNT),
              Report.Cell.count(x.withOutcome()),
              Report.Cell.derived(x.outcomeRate(), Report.Format.PERCENT, x.withOutcome()),
              Report.Cell.derived(x.outcomeRateLow(), Report.Format.PERCENT, x.withOutcome()),
              Report.Cell.derived(x.outcomeRateHigh(), Report.Format.PERCENT, x.withOutcome()),
              Report.Cell.derived(x.lift(), Report.Format.LIFT, x.withOutcome()),
              Report.Cell.derived(x.liftLow(), Report.Format.LIFT, x.withOutcome()),
              Report.Cell.derived(x.liftHigh(), Report.Format.LIFT, x.withOutcome())));
    }
    tables.add(
        new Report.Table(
            "pathways",
            "Pathways",
            "The first "
                + p.pathways().size()
                + " pathways to "
                + p.outcome()
                + " by outcome rate, with support of at least "
                + p.minSupport()
                + " children",
            List.of(
                "Rank",
                "Pathway",
                "Steps",
                "Support (children)",
                "With outcome",
                "Outcome rate",
                "Outcome rate, 95% low",
                "Outcome rate, 95% high",
                "Lift",
                "Lift, 95% low",
                "Lift, 95% high"),
            rows));

    List<List<Report.Cell>> links = new ArrayList<>();
    for (PathwaysService.SankeyLink l : p.sankey().links()) {
      links.add(
          row(
              Report.Cell.text(l.source()),
              Report.Cell.text(l.target()),
              Report.Cell.count(l.children())));
    }
    tables.add(
        new Report.Table(
            "sankey",
            "Sankey links",
            "Sankey of the pathways shown: distinct children moving from each step (position:step)"
                + " to the next, and from a pathway's last step to OUTCOME or NO_OUTCOME",
            List.of("From", "To", "Children"),
            links));

    List<Report.Bar> bars = new ArrayList<>();
    rank = 0;
    for (PathwaysService.Pathway x : p.pathways()) {
      rank++;
      bars.add(
          new Report.Bar(
              rank + ". " + steps(x.steps()),
              x.outcomeRate(),
              x.outcomeRateLow(),
              x.outcomeRateHigh()));
    }
    Report.Chart chart =
        new Report.Chart(
            "Outcome rate by pathway",
            "The share of each pathway's children who had "
                + p.outcome()
                + ", with its 95% interval; the line is the population's rate. "
                + Report.WITHHELD
                + " marks a withheld rate.",
            Report.Format.PERCENT,
            bars,
            p.outcomeRate(),
            "Population");

    String title = "Pathways to " + p.outcome() + ", " + period(p.from(), p.to());
    List<Report.Note> method = new ArrayList<>();
    method.add(new Report.Note("Report", title));
    method.add(new Report.Note("Period", p.from() + " to " + p.to() + " (inclusive)"));
    method.add(
        new Report.Note(
            "Outcome",
            p.outcome()
                + ": a child's first one (an involvement's start or an event's date) counts."));
    method.add(
        new Report.Note(
            "Population",
            "Children at risk in the period (not with the outcome before it) with at least one step"
                + " in the 24 months before their index date: the outcome's date for a child who"
                + " had it in the period, else a reproducible date drawn uniformly from their own"
                + " time at risk in the period (so both groups' windows come from the same"
                + " calendar period and have the same length)."));
    method.add(
        new Report.Note(
            "Steps",
            (p.by() == PathwaysService.StepBy.SERVICE ? "Services" : "Involvement kinds")
                + " in journey order, consecutive repeats collapsed; universal registrations"
                + " (school, GP, health visiting, school nursing, children's centre) are not"
                + " steps. A pathway is a run of 1 to 4 consecutive steps of a child's window."));
    method.add(
        new Report.Note(
            "Pathways shown",
            "Support of at least "
                + p.minSupport()
                + " children; the first "
                + p.pathways().size()
                + " by outcome rate (equivalently lift), then support, then steps."));
    method.add(
        new Report.Note(
            "Measures",
            "Outcome rate = with outcome / support, with its 95% Wilson interval; lift = the"
                + " pathway's outcome rate / the population's, with a 95% interval on the log"
                + " scale (Katz; conservative, since the pathway's children are part of the"
                + " population)."));
    method.add(
        new Report.Note(
            "Same figures as",
            "the GraphQL query pathways(outcome: \""
                + p.outcome()
                + "\", from: \""
                + p.from()
                + "\", to: \""
                + p.to()
                + "\", by: "
                + p.by()
                + ", minSupport: "
                + p.minSupport()
                + ", first: "
                + first
                + "); definitions in docs/measures.md#pathways."));
    common(method, common);
    method.add(
        new Report.Note(
            "Caveat",
            "A child has every run of steps of their window, so one child counts in several"
                + " pathways: supports do not add up."));
    method.add(
        new Report.Note(
            "Caveat",
            "A pathway with a high lift is where to look, not a cause: children on it may differ"
                + " in ways the data does not show."));
    method.add(
        new Report.Note(
            "Caveat",
            "A pathway whose outcome count is withheld is still listed in its place, which says"
                + " only that its rate is high or low."));
    method.add(
        new Report.Note(
            "Caveat",
            "Records outside a source's coverage (above) are not in the data: a step missing there"
                + " is not evidence that it did not happen."));
    return new Report(
        title,
        stem("pathways-" + p.outcome(), p.from(), p.to()),
        tables,
        "pathways",
        chart,
        method);
  }

  private static void common(List<Report.Note> method, Common common) {
    method.add(new Report.Note("Data", common.data()));
    method.add(new Report.Note("Data reference date", String.valueOf(common.referenceDate())));
    for (Sources.Source s : common.sources()) {
      method.add(
          new Report.Note(
              "Data coverage: " + s.system(),
              (s.name() == null ? "" : s.name() + "; ")
                  + "services "
                  + String.join(", ", s.services())
                  + "; records from "
                  + orUnknown(s.coveredFrom())
                  + " to "
                  + orUnknown(s.coveredTo())
                  + "; extract as at "
                  + orUnknown(s.asAt())));
    }
    method.add(new Report.Note("Small numbers", SMALL_NUMBERS));
    method.add(new Report.Note("Symbols", SYMBOLS));
    method.add(new Report.Note("Generated at", common.at().toString()));
    method.add(
        new Report.Note(
            "Generated by", common.actor().name() + " (" + common.actor().role() + ")"));
  }

  private static String orUnknown(LocalDate d) {
    return d == null ? "not known" : d.toString();
  }

  static String combination(List<String> services) {
    return services.isEmpty() ? "(none of these services)" : String.join(" + ", services);
  }

  static String steps(List<String> steps) {
    return String.join(" > ", steps);
  }

  private static List<Report.Cell> row(Report.Cell... cells) {
    return List.of(cells);
  }
}
