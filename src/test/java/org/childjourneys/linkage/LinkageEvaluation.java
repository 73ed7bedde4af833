package org.childjourneys.linkage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.childjourneys.synthetic.LinkageCorpus;

/**
 * Measures the matcher against the fixed corruption specification ({@link LinkageCorpus}): an index
 * of people each known by one record, then incoming records (the other records of a sample of them,
 * and every record of people the index does not know) linked one by one in random order, as an
 * import would: a linked record joins its person, any other becomes a new person. An automatic link
 * is right when it joins the record to its own true person; a record should link when a record of
 * its true person is already known.
 */
final class LinkageEvaluation {

  /** Counts for one slice of the incoming records. */
  static final class Tally {
    long records;
    long shouldLink;
    long linked;
    long linkedRight;
    long review;

    double precision() {
      return linked == 0 ? 1 : (double) linkedRight / linked;
    }

    double recall() {
      return shouldLink == 0 ? 1 : (double) linkedRight / shouldLink;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double reviewShare() {
      return records == 0 ? 0 : (double) review / records;
    }
  }

  final Map<String, Tally> slices = new TreeMap<>();
  final Tally all = new Tally();

  /** Why records that should have linked did not: reason and evidence pattern, counted. */
  final Map<String, Integer> misses = new HashMap<>();

  /** Wrong automatic links: evidence pattern, counted. */
  final Map<String, Integer> wrongLinks = new HashMap<>();

  /** Calibration: per band of the best candidate's probability, [pairs, pairs of one child]. */
  final Map<String, long[]> bands = new TreeMap<>();

  final Tally probabilistic = new Tally();
  int indexedPeople;
  int incoming;
  long linkNanos;
  long indexNanos;

  /** Heap in use with the index of every record built (after a collection). */
  long heapBytes;

  int indexedRecords;

  /**
   * @param people people in the corpus; about 90% are in the index
   * @param incomingPeople about how many people's records arrive (sampled at random, so about one
   *     in ten of them is new to the index)
   */
  static LinkageEvaluation run(long seed, int people, int incomingPeople, Linker linker) {
    return run(seed, people, incomingPeople, 0.1, linker);
  }

  /**
   * @param newShare the share of people the index does not know (0.1: a council's systems that
   *     mostly see the same children; 0.5: a new source, half of whose children are new)
   */
  static LinkageEvaluation run(
      long seed, int people, int incomingPeople, double newShare, Linker linker) {
    LinkageEvaluation e = new LinkageEvaluation();
    PersonIndex index = new PersonIndex();
    List<LinkageCorpus.Seen> arriving = new ArrayList<>();
    double share = Math.min(1.0, (double) incomingPeople / people);
    java.util.SplittableRandom sampling = new java.util.SplittableRandom(seed ^ 0x5EEDL);
    java.util.SplittableRandom inIndex = new java.util.SplittableRandom(seed ^ 0x1D3L);
    Map<String, Integer> seenOfTruth = new HashMap<>();
    long started = System.nanoTime();
    int[] n = {0};
    String[] current = {null};
    boolean[] indexed = {false};
    boolean[] sampled = {false};
    LinkageCorpus.generate(
        seed,
        people,
        s -> {
          if (!s.truthId().equals(current[0])) {
            current[0] = s.truthId();
            int i = n[0]++;
            indexed[0] = inIndex.nextDouble() >= newShare;
            sampled[0] = sampling.nextDouble() < share; // the same share of known and new people
            if (indexed[0]) {
              index.add(new IndexedRecord(s.record(), s.truthId()));
              e.indexedPeople++;
              seenOfTruth.put(s.truthId(), 1);
              return;
            }
          }
          if (sampled[0]) {
            arriving.add(s);
          }
        });
    e.indexNanos = System.nanoTime() - started;
    Collections.shuffle(arriving, new Random(seed));
    e.incoming = arriving.size();
    Map<String, String> truthOfPerson = new HashMap<>();
    Set<String> known = new HashSet<>(seenOfTruth.keySet());
    started = System.nanoTime();
    List<Decision> decisions = new ArrayList<>(arriving.size());
    for (LinkageCorpus.Seen s : arriving) {
      Decision d = linker.decide(new IndexedRecord(s.record(), null), index, null);
      String person = d.outcome() == Decision.Outcome.LINK ? d.personId() : "N:" + s.record().id();
      index.add(new IndexedRecord(s.record(), person));
      decisions.add(d);
    }
    e.linkNanos = System.nanoTime() - started;
    System.gc();
    e.heapBytes = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    e.indexedRecords = index.records();
    // Scoring afterwards, replaying the order, keeps the timed loop to linking alone.
    for (int i = 0; i < arriving.size(); i++) {
      LinkageCorpus.Seen s = arriving.get(i);
      Decision d = decisions.get(i);
      String truth = s.truthId();
      boolean shouldLink = known.contains(truth);
      String person = d.outcome() == Decision.Outcome.LINK ? d.personId() : "N:" + s.record().id();
      String personTruth =
          truthOfPerson.getOrDefault(person, person.startsWith("N:") ? null : person);
      if (person.startsWith("N:")) {
        truthOfPerson.put(person, truth);
      }
      boolean linked = d.outcome() == Decision.Outcome.LINK;
      boolean right = linked && truth.equals(personTruth);
      if (linked && !right) {
        e.wrongLinks.merge(
            d.method() + " " + d.evidence().stream().map(f -> f.field() + ":" + f.level()).toList(),
            1,
            Integer::sum);
      }
      if (d.personId() != null) {
        String band =
            d.score() >= 0.999
                ? "0.999-1"
                : d.score() >= 0.99
                    ? "0.990-0.999"
                    : d.score() >= 0.95
                        ? "0.950-0.990"
                        : d.score() >= 0.9
                            ? "0.900-0.950"
                            : d.score() >= 0.5 ? "0.500-0.900" : "0-0.5";
        String candidateTruth =
            d.personId() == null ? null : truthOfPerson.getOrDefault(d.personId(), d.personId());
        long[] b = e.bands.computeIfAbsent(band + " " + d.method(), k -> new long[2]);
        b[0]++;
        if (truth.equals(candidateTruth)) {
          b[1]++;
        }
      }
      if (shouldLink && !right) {
        String pattern =
            d.outcome()
                + " "
                + d.reason()
                + " "
                + d.evidence().stream().map(f -> f.field() + ":" + f.level()).toList();
        e.misses.merge(pattern, 1, Integer::sum);
      }
      List<Tally> tallies = new ArrayList<>();
      tallies.add(e.all);
      if (!"EXACT_IDENTIFIER".equals(d.method())) {
        tallies.add(e.probabilistic);
      }
      for (String slice : s.slices()) {
        tallies.add(e.slices.computeIfAbsent(slice, k -> new Tally()));
      }
      tallies.add(e.slices.computeIfAbsent("tradition: " + s.tradition(), k -> new Tally()));
      for (Tally t : tallies) {
        t.records++;
        if (shouldLink) {
          t.shouldLink++;
        }
        if (linked) {
          t.linked++;
        }
        if (right) {
          t.linkedRight++;
        }
        if (d.outcome() == Decision.Outcome.REVIEW || d.alsoReview() != null) {
          t.review++; // a linked record may also queue a pair (two people fit, NHS/UPN conflict)
        }
      }
      known.add(truth);
    }
    return e;
  }

  /** The commonest wrong links, and how often a candidate in each probability band was right. */
  String wrongAndCalibration(int n) {
    StringBuilder b = new StringBuilder("Commonest wrong links:\n");
    wrongLinks.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .forEach(m -> b.append(m.getValue()).append("  ").append(m.getKey()).append('\n'));
    b.append("Best candidate's probability band: pairs, share that were one child\n");
    bands.forEach(
        (band, c) ->
            b.append(
                String.format(
                    Locale.ROOT,
                    "%s: %d, %.4f%n",
                    band,
                    c[0],
                    c[0] == 0 ? 0 : (double) c[1] / c[0])));
    return b.toString();
  }

  /** The commonest reasons for missed links. */
  String topMisses(int n) {
    StringBuilder b = new StringBuilder();
    misses.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .forEach(m -> b.append(m.getValue()).append("  ").append(m.getKey()).append('\n'));
    return b.toString();
  }

  double recordsPerSecond() {
    return incoming / (linkNanos / 1e9);
  }

  /** A Markdown table: overall, then every slice. */
  String table() {
    StringBuilder b = new StringBuilder();
    b.append("| Records | n | Precision | Recall | F1 | Review share |\n");
    b.append("|---|---:|---:|---:|---:|---:|\n");
    row(b, "all incoming", all);
    row(b, "not linked by an exact identifier", probabilistic);
    slices.forEach((name, t) -> row(b, name, t));
    return b.toString();
  }

  /** The same as CSV. */
  String csv() {
    StringBuilder b = new StringBuilder("slice,records,precision,recall,f1,review_share\n");
    b.append(csvRow("all", all));
    b.append(csvRow("not-exact", probabilistic));
    slices.forEach((name, t) -> b.append(csvRow(name, t)));
    return b.toString();
  }

  private static void row(StringBuilder b, String name, Tally t) {
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %.4f | %.4f | %.4f | %.2f%% |%n",
            name,
            t.records,
            t.precision(),
            t.recall(),
            t.f1(),
            100 * t.reviewShare()));
  }

  private static String csvRow(String name, Tally t) {
    return String.format(
        Locale.ROOT,
        "%s,%d,%.5f,%.5f,%.5f,%.5f%n",
        name,
        t.records,
        t.precision(),
        t.recall(),
        t.f1(),
        t.reviewShare());
  }
}
