package org.childjourneys.synthetic;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.childjourneys.identifiers.Identifiers;
import org.childjourneys.linkage.LinkageRecord;
import org.childjourneys.synthetic.LinkageCorpus.Person;
import org.childjourneys.synthetic.LinkageCorpus.Seen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The linkage corpus against its fixed corruption specification: rates within tolerance on 20,000
 * people, and every slice tag a true statement about the record and its true person.
 */
class LinkageCorpusTest {

  private static final long SEED = 20260331L;
  private static final int PEOPLE = 20_000;

  private static List<Seen> corpus;
  private static Map<String, Person> truth;
  private static Map<String, List<Seen>> byPerson;

  @BeforeAll
  static void generate() {
    corpus = LinkageCorpus.generate(SEED, PEOPLE);
    truth = new HashMap<>();
    List<Seen> streamed = new ArrayList<>();
    LinkageCorpus.generate(SEED, PEOPLE, p -> truth.put(p.truthId(), p), streamed::add);
    assertThat(new HashSet<>(streamed)).isEqualTo(new HashSet<>(corpus));
    byPerson = corpus.stream().collect(Collectors.groupingBy(Seen::truthId));
  }

  @Test
  void isDeterministicForASeed() {
    assertThat(LinkageCorpus.generate(7, 2_000)).isEqualTo(LinkageCorpus.generate(7, 2_000));
    assertThat(LinkageCorpus.generate(8, 2_000)).isNotEqualTo(LinkageCorpus.generate(7, 2_000));
  }

  @Test
  void shufflesTheRecordsOfAPerson() {
    int adjacent = 0;
    for (int i = 1; i < corpus.size(); i++) {
      if (corpus.get(i).truthId().equals(corpus.get(i - 1).truthId())) {
        adjacent++;
      }
    }
    assertThat(adjacent).isLessThan(corpus.size() / 200);
  }

  @Test
  void everyPersonIsSeenByTwoToFourDistinctSystems() {
    assertThat(byPerson).hasSize(PEOPLE);
    assertThat(truth).hasSize(PEOPLE);
    Map<Integer, Integer> counts = new HashMap<>();
    for (List<Seen> records : byPerson.values()) {
      assertThat(records).hasSizeBetween(2, 4);
      Set<String> systems = records.stream().map(s -> s.record().system()).collect(toSet());
      assertThat(systems).hasSameSizeAs(records);
      counts.merge(records.size(), 1, Integer::sum);
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrder(2, 3, 4);
    Map<String, Long> bySystem =
        corpus.stream().collect(Collectors.groupingBy(s -> s.record().system(), counting()));
    assertThat(bySystem.keySet()).containsExactlyInAnyOrderElementsOf(LinkageCorpus.SYSTEMS);
    // weights 3,3,2,2,1,1: HEALTH and EDUCATION each seen more often than POLICE
    assertThat(bySystem.get("HEALTH")).isGreaterThan(2 * bySystem.get("POLICE"));
    assertThat(bySystem.get("EDUCATION")).isGreaterThan(2 * bySystem.get("YOUTH_JUSTICE"));
  }

  @Test
  void recordsAreWellFormed() {
    Set<String> ids = new HashSet<>();
    for (Seen seen : corpus) {
      LinkageRecord r = seen.record();
      assertThat(ids.add(r.id())).as(r.id()).isTrue();
      assertThat(r.id()).startsWith(r.system() + ":");
      assertThat(r.birthDate())
          .isAfter(LinkageCorpus.REFERENCE_DATE.minusYears(18))
          .isBeforeOrEqualTo(LinkageCorpus.REFERENCE_DATE);
      assertThat(r.sex()).isIn("M", "F");
      assertThat(r.postcode()).matches("XY([1-9]|1[0-9]|20) [0-9][ABDEFGHJLNPQRSTUWXYZ]{2}");
      assertThat(r.adopted()).isFalse();
      assertThat(r.restricted()).isFalse();
      Person p = truth.get(seen.truthId());
      assertThat(seen.tradition()).isEqualTo(p.tradition());
      if (r.nhsNumber() != null) {
        assertThat(Identifiers.isValidNhsNumber(r.nhsNumber())).isTrue();
        assertThat(r.nhsNumber()).isEqualTo(p.nhsNumber());
      }
      if (r.upn() != null) {
        assertThat(Identifiers.isValidUpn(r.upn())).as(r.upn()).isTrue();
        assertThat(r.upn()).isEqualTo(p.upn());
      }
      if (r.system().equals("HEALTH")) {
        assertThat(r.nhsNumber()).isNotNull();
        assertThat(r.upn()).isNull();
      }
      if (r.system().equals("EDUCATION")) {
        assertThat(r.upn()).isNotNull();
      }
    }
    // no two true persons share an identifier
    assertThat(truth.values().stream().map(Person::nhsNumber).distinct()).hasSize(PEOPLE);
    assertThat(truth.values().stream().map(Person::upn).distinct()).hasSize(PEOPLE);
    assertThat(truth.values().stream().map(Person::postcode).distinct().count())
        .isGreaterThan(7_000);
    assertThat(LinkageCorpus.POSTCODES).doesNotHaveDuplicates().hasSize(10_000);
  }

  @Test
  void ratesFollowTheSpecification() {
    double records = corpus.size();
    assertThat(share(LinkageCorpus.TYPO) / records).isCloseTo(0.08, within(0.01));
    assertThat(share(LinkageCorpus.DATE_ERROR) / records).isCloseTo(0.03, within(0.007));
    assertThat(share(LinkageCorpus.NICKNAME) / records).isBetween(0.07, 0.11);
    assertThat(share(LinkageCorpus.NAME_CHANGE) / records).isCloseTo(0.05, within(0.01));
    assertThat(share(LinkageCorpus.PREVIOUS_POSTCODE) / records).isCloseTo(0.15, within(0.015));

    List<LinkageRecord> nonHealth =
        corpus.stream().map(Seen::record).filter(r -> !r.system().equals("HEALTH")).toList();
    double nhsMissing = nonHealth.stream().filter(r -> r.nhsNumber() == null).count();
    assertThat(nhsMissing / nonHealth.size()).isCloseTo(0.40, within(0.02));

    List<LinkageRecord> neither =
        corpus.stream()
            .map(Seen::record)
            .filter(r -> !r.system().equals("HEALTH") && !r.system().equals("EDUCATION"))
            .toList();
    double upnMissing = neither.stream().filter(r -> r.upn() == null).count();
    assertThat(upnMissing / neither.size()).isCloseTo(0.50, within(0.02));

    double twins = truth.values().stream().filter(p -> p.twinId() != null).count();
    assertThat(twins / PEOPLE).isCloseTo(0.015, within(0.005));
  }

  @Test
  void twinsShareBirthFamilyAndAddressButNotTheirGivenName() {
    int pairs = 0;
    for (Person p : truth.values()) {
      if (p.twinId() == null) {
        continue;
      }
      Person twin = truth.get(p.twinId());
      assertThat(twin.twinId()).isEqualTo(p.truthId());
      assertThat(twin.birthDate()).isEqualTo(p.birthDate());
      assertThat(twin.familyBase()).isEqualTo(p.familyBase());
      if (twin.sex().equals(p.sex())) {
        assertThat(twin.familyName()).isEqualTo(p.familyName());
      }
      assertThat(twin.tradition()).isEqualTo(p.tradition());
      assertThat(twin.postcode()).isEqualTo(p.postcode());
      assertThat(twin.previousPostcode()).isEqualTo(p.previousPostcode());
      assertThat(twin.givenName()).isNotEqualTo(p.givenName());
      assertThat(LinkageCorpus.related(twin.givenName(), p.givenName())).isFalse();
      assertThat(twin.nhsNumber()).isNotEqualTo(p.nhsNumber());
      assertThat(twin.upn()).isNotEqualTo(p.upn());
      pairs++;
    }
    assertThat(pairs).isGreaterThan(200);
    Set<String> twinSexes =
        truth.values().stream()
            .filter(p -> p.twinId() != null)
            .map(p -> p.sex() + truth.get(p.twinId()).sex())
            .collect(toSet());
    assertThat(twinSexes).contains("MF", "MM", "FF");
  }

  @Test
  void sliceTagsAreTrueStatements() {
    for (Seen seen : corpus) {
      LinkageRecord r = seen.record();
      Person p = truth.get(seen.truthId());
      Set<String> slices = seen.slices();
      String context = seen + " of " + p;

      // names: the given name is the truth or (nickname) one of its forms, the family name the
      // truth or (name-change) a changed one; a typo is one edit away in exactly one of them
      boolean nickname = slices.contains(LinkageCorpus.NICKNAME);
      List<String> givens =
          nickname ? LinkageCorpus.variants(p.givenName()) : List.of(p.givenName());
      assertThat(givens).as(context).isNotEmpty().doesNotContainNull();
      if (nickname) {
        assertThat(givens).doesNotContain(p.givenName());
      }
      boolean nameChange = slices.contains(LinkageCorpus.NAME_CHANGE);
      boolean givenClean = givens.contains(r.givenName());
      boolean familyClean =
          nameChange
              ? isChangedFamilyName(r.familyName(), p)
              : r.familyName().equals(p.familyName());
      if (slices.contains(LinkageCorpus.TYPO)) {
        boolean givenTypo = givens.stream().anyMatch(g -> editDistance(g, r.givenName()) == 1);
        boolean familyTypo =
            nameChange
                ? !r.familyName().equals(p.familyName())
                : editDistance(p.familyName(), r.familyName()) == 1;
        assertThat(givenTypo && familyClean || givenClean && familyTypo).as(context).isTrue();
      } else {
        assertThat(givenClean).as(context).isTrue();
        assertThat(familyClean).as(context).isTrue();
      }

      LocalDate dob = r.birthDate();
      LocalDate trueDob = p.birthDate();
      if (slices.contains(LinkageCorpus.DATE_ERROR)) {
        boolean swapped =
            dob.getYear() == trueDob.getYear()
                && dob.getDayOfMonth() == trueDob.getMonthValue()
                && dob.getMonthValue() == trueDob.getDayOfMonth();
        assertThat(dob).as(context).isNotEqualTo(trueDob);
        assertThat(swapped || differingDigits(dob, trueDob) == 1).as(context).isTrue();
      } else {
        assertThat(dob).as(context).isEqualTo(trueDob);
      }

      assertThat(p.previousPostcode()).isNotEqualTo(p.postcode());
      assertThat(r.postcode())
          .as(context)
          .isEqualTo(
              slices.contains(LinkageCorpus.PREVIOUS_POSTCODE)
                  ? p.previousPostcode()
                  : p.postcode());

      assertThat(slices.contains(LinkageCorpus.TWIN)).isEqualTo(p.twinId() != null);

      boolean sharesIdentifier =
          byPerson.get(seen.truthId()).stream()
              .map(Seen::record)
              .filter(o -> !o.id().equals(r.id()))
              .anyMatch(
                  o ->
                      r.nhsNumber() != null && r.nhsNumber().equals(o.nhsNumber())
                          || r.upn() != null && r.upn().equals(o.upn()));
      assertThat(slices.contains(LinkageCorpus.MISSING_IDENTIFIERS))
          .as(context)
          .isEqualTo(!sharesIdentifier);
    }
    assertThat(share(LinkageCorpus.MISSING_IDENTIFIERS)).isGreaterThan(100);
  }

  @Test
  void everyKindOfCorruptionOccurs() {
    List<Seen> typos = tagged(LinkageCorpus.TYPO);
    assertThat(typos.stream().filter(s -> lengthChange(s) == 1)).isNotEmpty();
    assertThat(typos.stream().filter(s -> lengthChange(s) == -1)).isNotEmpty();
    List<Seen> changes = tagged(LinkageCorpus.NAME_CHANGE);
    assertThat(changes.stream().filter(s -> s.record().familyName().contains("-"))).isNotEmpty();
    assertThat(changes.stream().filter(s -> s.record().familyName().endsWith("ski")))
        .anyMatch(s -> truth.get(s.truthId()).familyName().endsWith("ska"))
        .isNotEmpty();
    List<Seen> dates = tagged(LinkageCorpus.DATE_ERROR);
    assertThat(dates)
        .anyMatch(
            s ->
                s.record().birthDate().getDayOfMonth()
                    == truth.get(s.truthId()).birthDate().getMonthValue());
    assertThat(
            tagged(LinkageCorpus.PREVIOUS_POSTCODE).stream()
                .map(s -> truth.get(s.truthId()))
                .filter(p -> district(p.postcode()).equals(district(p.previousPostcode())))
                .count())
        .isGreaterThan(tagged(LinkageCorpus.PREVIOUS_POSTCODE).size() / 2);
  }

  @Test
  void familyNamesAreSkewed() {
    Map<String, Long> perName =
        truth.values().stream().collect(Collectors.groupingBy(Person::familyBase, counting()));
    List<Long> counts = perName.values().stream().sorted().toList();
    long median = counts.get(counts.size() / 2);
    long most = counts.get(counts.size() - 1);
    assertThat(perName.size()).isGreaterThan(100);
    assertThat(most).isGreaterThan(10 * median);
  }

  @Test
  void theNicknameTableCoversTheGivenNamesOfEveryTradition() {
    int names = 0;
    int covered = 0;
    for (Names.Tradition t : Names.TRADITIONS) {
      int coveredHere = 0;
      for (String name : concat(t.girls(), t.boys())) {
        names++;
        if (!LinkageCorpus.variants(name).isEmpty()) {
          covered++;
          coveredHere++;
          assertThat(LinkageCorpus.variants(name)).doesNotContain(name);
        }
      }
      assertThat(coveredHere).as(t.name()).isGreaterThan(5);
    }
    assertThat((double) covered / names).isGreaterThan(0.85);
    assertThat(LinkageCorpus.variants("Alexander")).contains("Alex");
    assertThat(LinkageCorpus.variants("Mohammed")).contains("Muhammad", "Mohamed");
    assertThat(LinkageCorpus.related("Muhammad", "Mohammed")).isTrue();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String district(String postcode) {
    return postcode.substring(0, postcode.indexOf(' '));
  }

  private static int lengthChange(Seen s) {
    Person p = truth.get(s.truthId());
    LinkageRecord r = s.record();
    return r.givenName().length()
        + r.familyName().length()
        - p.givenName().length()
        - p.familyName().length();
  }

  private static boolean isChangedFamilyName(String family, Person p) {
    if (family.equals(p.familyName())) {
      return false;
    }
    Names.Tradition t =
        Names.TRADITIONS.stream().filter(x -> x.name().equals(p.tradition())).findFirst().get();
    String last =
        family.startsWith(p.familyName() + "-")
            ? family.substring(p.familyName().length() + 1)
            : family;
    String base = last.endsWith("ska") ? last.substring(0, last.length() - 1) + "i" : last;
    return t.familyNames().contains(base);
  }

  private static List<Seen> tagged(String slice) {
    return corpus.stream().filter(s -> s.slices().contains(slice)).toList();
  }

  private static long share(String slice) {
    return corpus.stream().filter(s -> s.slices().contains(slice)).count();
  }

  private static int differingDigits(LocalDate a, LocalDate b) {
    String x = String.format("%02d%02d%04d", a.getDayOfMonth(), a.getMonthValue(), a.getYear());
    String y = String.format("%02d%02d%04d", b.getDayOfMonth(), b.getMonthValue(), b.getYear());
    int n = 0;
    for (int i = 0; i < x.length(); i++) {
      n += x.charAt(i) == y.charAt(i) ? 0 : 1;
    }
    return n;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
