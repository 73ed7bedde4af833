package org.childjourneys.synthetic;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.childjourneys.identifiers.Identifiers;
import org.childjourneys.linkage.LinkageRecord;

/**
 * A synthetic record-linkage corpus with ground truth: true persons (children) each seen by 2 to 4
 * source systems, whose records are corrupted at the fixed rates of the corruption specification
 * (typos, date errors, nicknames, family-name changes, previous postcodes, missing identifiers,
 * twins). Every record carries its true person id and the tags of what was done to it, so a
 * matcher's precision and recall can be measured per slice.
 *
 * <p>The generator's nickname table is its own: the matcher's nickname list is deliberately not
 * read, so the matcher cannot be tuned to the generator.
 */
public final class LinkageCorpus {

  /** One generated record with its ground truth. slices: the corruption/person tags below. */
  public record Seen(LinkageRecord record, String truthId, String tradition, Set<String> slices) {}

  /**
   * A true person as generated, before any record of them is corrupted (a test hook).
   *
   * @param familyBase the family name before its Polish gendered form ({@code Kowalski} for a
   *     {@code Kowalska})
   * @param twinId the truth id of the person's twin, or null
   */
  record Person(
      String truthId,
      String tradition,
      String givenName,
      String familyBase,
      String familyName,
      LocalDate birthDate,
      String sex,
      String postcode,
      String previousPostcode,
      String nhsNumber,
      String upn,
      String twinId) {}

  static final String TYPO = "typo";
  static final String DATE_ERROR = "date-error";
  static final String NICKNAME = "nickname";
  static final String NAME_CHANGE = "name-change";
  static final String PREVIOUS_POSTCODE = "previous-postcode";
  static final String TWIN = "twin";
  static final String MISSING_IDENTIFIERS = "missing-identifiers";

  /** "born within the last 18 years before a fixed reference date 2026-03-31". */
  static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 3, 31);

  static final LocalDate EARLIEST_BIRTH = REFERENCE_DATE.minusYears(18).plusDays(1);

  private static final int BIRTH_DAYS =
      (int) ChronoUnit.DAYS.between(EARLIEST_BIRTH, REFERENCE_DATE) + 1;

  /** "NHS number missing in 40% of non-health records". */
  static final double NHS_MISSING_OUTSIDE_HEALTH = 0.40;

  /**
   * "UPN missing in 50% of non-education records". HEALTH records never carry the UPN ("HEALTH
   * records always carry the NHS number and no UPN"), so the 50% applies to the other systems.
   */
  static final double UPN_MISSING_OUTSIDE_EDUCATION = 0.50;

  /** "a one-character typo in given or family name in 8%". */
  static final double TYPO_RATE = 0.08;

  /** "day/month swapped or one-digit date error in 3%". */
  static final double DATE_ERROR_RATE = 0.03;

  /** "nickname or short form in 10%" (names without one in the table are left untagged). */
  static final double NICKNAME_RATE = 0.10;

  /** "family name changed in 5%". */
  static final double NAME_CHANGE_RATE = 0.05;

  /** "postcode of a previous address in 15%". */
  static final double PREVIOUS_POSTCODE_RATE = 0.15;

  /**
   * "Twins at ~1.5% of births", read as 1.5% of the children being a twin: a birth is a twin birth
   * with probability s / (2 - s), which makes a share s of the children twins.
   */
  static final double TWIN_SHARE = 0.015;

  private static final double TWIN_BIRTH = TWIN_SHARE / (2 - TWIN_SHARE);

  /** "previous address usually in the same district (70%) and otherwise elsewhere in the pool". */
  static final double PREVIOUS_IN_SAME_DISTRICT = 0.70;

  /** The systems a child may be seen by, HEALTH and EDUCATION more likely than the others. */
  static final List<String> SYSTEMS =
      List.of("HEALTH", "EDUCATION", "SOCIAL_CARE", "EARLY_HELP", "POLICE", "YOUTH_JUSTICE");

  private static final int[] SYSTEM_WEIGHTS = {3, 3, 2, 2, 1, 1};
  private static final int HEALTH = 0;
  private static final int EDUCATION = 1;

  /** How many systems see a child: 2 (50%), 3 (30%) or 4 (20%). */
  private static final double[] SYSTEM_COUNT_CUMULATIVE = {0.5, 0.8, 1.0};

  // Postcodes of one synthetic authority: 20 districts XY1..XY20, sectors 0-9, 50 units per sector
  // drawn once (fixed seed) from the 400 two-letter units a postcode may use: 10,000 postcodes.
  static final int DISTRICTS = 20;
  private static final int PER_DISTRICT = 500;
  private static final String UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
  static final String[] POSTCODES = postcodes();

  /** UPNs: establishment numbers 2000-9999 in the synthetic authority, serials per school year. */
  private static final int ESTABLISHMENTS = 8000;

  private static final int UPN_YEARS = 24;
  private static final int ID_BITS = 40;

  private LinkageCorpus() {}

  /**
   * people true persons; deterministic for a seed. Records of one person are NOT adjacent: the
   * returned list is shuffled deterministically.
   */
  public static List<Seen> generate(long seed, int people) {
    List<Seen> all = new ArrayList<>(people * 3);
    generate(seed, people, all::add);
    SplittableRandom shuffle = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int i = all.size() - 1; i > 0; i--) {
      int j = shuffle.nextInt(i + 1);
      Seen tmp = all.get(i);
      all.set(i, all.get(j));
      all.set(j, tmp);
    }
    return all;
  }

  /**
   * Streaming variant for very large corpora (1M people): calls sink for every record, person by
   * person (not shuffled).
   */
  public static void generate(long seed, int people, Consumer<Seen> sink) {
    generate(seed, people, person -> {}, sink);
  }

  /** As {@link #generate(long, int, Consumer)}, also handing each true person to persons. */
  static void generate(long seed, int people, Consumer<Person> persons, Consumer<Seen> sink) {
    new Generator(seed, persons, sink).run(people);
  }

  /**
   * The forms the generator writes for a given name: its short forms, or when it has none its
   * spelling variants, or nothing.
   */
  static List<String> variants(String givenName) {
    List<String> shortForms = Nicknames.SHORT.getOrDefault(givenName, List.of());
    return shortForms.isEmpty()
        ? Nicknames.SPELLING.getOrDefault(givenName, List.of())
        : shortForms;
  }

  /** Whether two given names are the same name or a short form or spelling of each other. */
  static boolean related(String a, String b) {
    return a.equals(b) || Nicknames.all(a).contains(b) || Nicknames.all(b).contains(a);
  }

  private static String[] postcodes() {
    SplittableRandom random = new SplittableRandom(0x9057C0DEL);
    String[] all = new String[DISTRICTS * PER_DISTRICT];
    int k = 0;
    int units = UNIT_LETTERS.length() * UNIT_LETTERS.length();
    for (int district = 1; district <= DISTRICTS; district++) {
      for (int sector = 0; sector < 10; sector++) {
        int[] order = new int[units];
        for (int i = 0; i < units; i++) {
          order[i] = i;
        }
        for (int i = 0; i < PER_DISTRICT / 10; i++) {
          int j = i + random.nextInt(units - i);
          int unit = order[j];
          order[j] = order[i];
          order[i] = unit;
          all[k++] =
              "XY"
                  + district
                  + " "
                  + sector
                  + UNIT_LETTERS.charAt(unit / UNIT_LETTERS.length())
                  + UNIT_LETTERS.charAt(unit % UNIT_LETTERS.length());
        }
      }
    }
    return all;
  }

  /** One run: a single random stream, so a seed gives the same corpus every time. */
  private static final class Generator {

    private final SplittableRandom random;
    private final Consumer<Person> persons;
    private final Consumer<Seen> sink;
    private final BitSet nhsUsed = new BitSet(100_000_000);
    private final short[][] upnSerials = new short[ESTABLISHMENTS][UPN_YEARS];
    private final long[] recordCounters = new long[SYSTEMS.size()];
    private final long[] recordKeys = new long[SYSTEMS.size()];
    private int number;

    Generator(long seed, Consumer<Person> persons, Consumer<Seen> sink) {
      this.random = new SplittableRandom(seed);
      this.persons = persons;
      this.sink = sink;
      for (int i = 0; i < recordKeys.length; i++) {
        recordKeys[i] = random.nextLong();
      }
    }

    void run(int people) {
      while (number < people) {
        boolean twins = number + 1 < people && random.nextDouble() < TWIN_BIRTH;
        Names.Tradition tradition = Names.tradition(random);
        LocalDate birth = EARLIEST_BIRTH.plusDays(random.nextInt(BIRTH_DAYS));
        String familyBase = Names.skewed(tradition.familyNames(), random);
        int home = random.nextInt(POSTCODES.length);
        String previous = POSTCODES[previousAddress(home)];
        int establishment = random.nextInt(ESTABLISHMENTS);
        int upnYear = Math.min(birth.getYear() + 3 + random.nextInt(2), REFERENCE_DATE.getYear());
        char sex = random.nextDouble() < 0.512 ? 'M' : 'F';
        String given = Names.givenName(tradition, sex, random);
        String id = "T" + number;
        String twinId = twins ? "T" + (number + 1) : null;
        number++;
        Person first =
            person(
                id,
                tradition,
                given,
                familyBase,
                birth,
                sex,
                POSTCODES[home],
                previous,
                establishment,
                upnYear,
                twinId);
        emit(first, tradition);
        if (twins) {
          char twinSex = random.nextBoolean() ? sex : opposite(sex);
          String twinGiven;
          do {
            twinGiven = Names.givenName(tradition, twinSex, random);
          } while (related(given, twinGiven));
          Person second =
              person(
                  twinId,
                  tradition,
                  twinGiven,
                  familyBase,
                  birth,
                  twinSex,
                  POSTCODES[home],
                  previous,
                  establishment,
                  upnYear,
                  id);
          number++;
          emit(second, tradition);
        }
      }
    }

    private Person person(
        String id,
        Names.Tradition tradition,
        String given,
        String familyBase,
        LocalDate birth,
        char sex,
        String postcode,
        String previous,
        int establishment,
        int upnYear,
        String twinId) {
      return new Person(
          id,
          tradition.name(),
          given,
          familyBase,
          Names.polishGenderedFamilyName(familyBase, sex),
          birth,
          String.valueOf(sex),
          postcode,
          previous,
          nhsNumber(),
          upn(establishment, upnYear),
          twinId);
    }

    private int previousAddress(int home) {
      int district = home / PER_DISTRICT;
      if (random.nextDouble() < PREVIOUS_IN_SAME_DISTRICT) {
        int other;
        do {
          other = district * PER_DISTRICT + random.nextInt(PER_DISTRICT);
        } while (other == home);
        return other;
      }
      int otherDistrict = random.nextInt(DISTRICTS - 1);
      if (otherDistrict >= district) {
        otherDistrict++;
      }
      return otherDistrict * PER_DISTRICT + random.nextInt(PER_DISTRICT);
    }

    /** A valid NHS number no other person of the corpus has. */
    private String nhsNumber() {
      while (true) {
        String nhs = Identifiers.nhsNumber(random);
        int body = Integer.parseInt(nhs, 1, 9, 10);
        if (!nhsUsed.get(body) && Identifiers.isValidNhsNumber(nhs)) {
          nhsUsed.set(body);
          return nhs;
        }
      }
    }

    /** A UPN from the school's next serial for the year, so no two persons share one. */
    private String upn(int establishment, int year) {
      int y = year - (REFERENCE_DATE.getYear() - UPN_YEARS + 1);
      int e = establishment;
      while (upnSerials[e][y] >= 1000) {
        e = random.nextInt(ESTABLISHMENTS);
      }
      int serial = upnSerials[e][y]++;
      return Identifiers.upn(AuthorityStructure.LA_CODE, 2000 + e, year, serial);
    }

    private void emit(Person person, Names.Tradition tradition) {
      persons.accept(person);
      int[] systems = systems();
      LinkageRecord[] records = new LinkageRecord[systems.length];
      List<List<String>> tags = new ArrayList<>(systems.length);
      for (int i = 0; i < systems.length; i++) {
        List<String> slices = new ArrayList<>(4);
        records[i] = record(person, tradition, systems[i], slices);
        tags.add(slices);
      }
      for (int i = 0; i < records.length; i++) {
        List<String> slices = tags.get(i);
        if (!sharesIdentifier(records, i)) {
          slices.add(MISSING_IDENTIFIERS);
        }
        if (person.twinId() != null) {
          slices.add(TWIN);
        }
        sink.accept(new Seen(records[i], person.truthId(), person.tradition(), Set.copyOf(slices)));
      }
    }

    private static boolean sharesIdentifier(LinkageRecord[] records, int i) {
      LinkageRecord r = records[i];
      for (int j = 0; j < records.length; j++) {
        if (j != i
            && (r.nhsNumber() != null && r.nhsNumber().equals(records[j].nhsNumber())
                || r.upn() != null && r.upn().equals(records[j].upn()))) {
          return true;
        }
      }
      return false;
    }

    /** 2-4 distinct systems, drawn by weight without replacement. */
    private int[] systems() {
      double u = random.nextDouble();
      int count = 2;
      while (u >= SYSTEM_COUNT_CUMULATIVE[count - 2]) {
        count++;
      }
      int[] chosen = new int[count];
      boolean[] taken = new boolean[SYSTEMS.size()];
      for (int c = 0; c < count; c++) {
        int total = 0;
        for (int s = 0; s < taken.length; s++) {
          total += taken[s] ? 0 : SYSTEM_WEIGHTS[s];
        }
        int pick = random.nextInt(total);
        int s = 0;
        while (taken[s] || pick >= SYSTEM_WEIGHTS[s]) {
          pick -= taken[s] ? 0 : SYSTEM_WEIGHTS[s];
          s++;
        }
        taken[s] = true;
        chosen[c] = s;
      }
      return chosen;
    }

    private LinkageRecord record(
        Person person, Names.Tradition tradition, int system, List<String> slices) {
      String nhs =
          system == HEALTH || random.nextDouble() >= NHS_MISSING_OUTSIDE_HEALTH
              ? person.nhsNumber()
              : null;
      String upn =
          system == EDUCATION
                  || system != HEALTH && random.nextDouble() >= UPN_MISSING_OUTSIDE_EDUCATION
              ? person.upn()
              : null;
      String given = person.givenName();
      String family = person.familyName();
      LocalDate birth = person.birthDate();
      String postcode = person.postcode();
      if (random.nextDouble() < NICKNAME_RATE) {
        List<String> forms = variants(given);
        if (!forms.isEmpty()) {
          given = forms.get(random.nextInt(forms.size()));
          slices.add(NICKNAME);
        }
      }
      if (random.nextDouble() < NAME_CHANGE_RATE) {
        family = changedFamilyName(person, tradition);
        slices.add(NAME_CHANGE);
      }
      if (random.nextDouble() < TYPO_RATE) {
        if (random.nextBoolean()) {
          given = typo(given);
        } else {
          family = typo(family);
        }
        slices.add(TYPO);
      }
      if (random.nextDouble() < DATE_ERROR_RATE) {
        birth = dateError(birth);
        slices.add(DATE_ERROR);
      }
      if (random.nextDouble() < PREVIOUS_POSTCODE_RATE) {
        postcode = person.previousPostcode();
        slices.add(PREVIOUS_POSTCODE);
      }
      String name = SYSTEMS.get(system);
      return new LinkageRecord(
          name + ":" + localId(system),
          name,
          given,
          family,
          birth,
          person.sex(),
          postcode,
          nhs,
          upn,
          false,
          false);
    }

    /** A per-system counter through a keyed bijection on 40 bits: unique, yet not in order. */
    private String localId(int system) {
      long mask = (1L << ID_BITS) - 1;
      long x = (recordCounters[system]++ + recordKeys[system]) & mask;
      x = (x * 0x9E3779B97FL) & mask;
      x ^= x >>> 20;
      x = (x * 0xC2B2AE3D27L) & mask;
      x ^= x >>> 17;
      x = (x + (recordKeys[system] >>> 24)) & mask;
      String hex = Long.toHexString(x);
      return "0".repeat(10 - hex.length()) + hex;
    }

    /**
     * A new carer or a parent's marriage (a new family name of the same tradition), a hyphenated
     * name, or for a Polish gendered name its other gendered form.
     */
    private String changedFamilyName(Person person, Names.Tradition tradition) {
      boolean gendered = person.familyBase().endsWith("ski");
      int kind = random.nextInt(gendered ? 4 : 3);
      char sex = person.sex().charAt(0);
      if (kind == 3) {
        return Names.polishGenderedFamilyName(person.familyBase(), opposite(sex));
      }
      String base;
      do {
        base = Names.skewed(tradition.familyNames(), random);
      } while (base.equals(person.familyBase()));
      String other = Names.polishGenderedFamilyName(base, sex);
      return kind == 2 ? person.familyName() + "-" + other : other;
    }

    /** One substitution (a neighbouring key), deletion, insertion or adjacent transposition. */
    private String typo(String name) {
      StringBuilder b = new StringBuilder(name);
      int kind = random.nextInt(4);
      if (kind == 0 && name.length() > 1) {
        b.deleteCharAt(1 + random.nextInt(name.length() - 1));
        return b.toString();
      }
      if (kind == 1) {
        int at = 1 + random.nextInt(name.length());
        char before = Character.toLowerCase(name.charAt(at - 1));
        String near = Keyboard.near(before);
        char inserted =
            near.isEmpty() || random.nextInt(3) == 0
                ? (Character.isLetter(before) ? before : (char) ('a' + random.nextInt(26)))
                : near.charAt(random.nextInt(near.length()));
        b.insert(at, inserted);
        return b.toString();
      }
      if (kind == 2) {
        int[] pairs = new int[name.length()];
        int n = 0;
        for (int i = 1; i + 1 < name.length(); i++) {
          if (name.charAt(i) != name.charAt(i + 1)
              && Character.isLetter(name.charAt(i))
              && Character.isLetter(name.charAt(i + 1))) {
            pairs[n++] = i;
          }
        }
        if (n > 0) {
          int i = pairs[random.nextInt(n)];
          b.setCharAt(i, name.charAt(i + 1));
          b.setCharAt(i + 1, name.charAt(i));
          return b.toString();
        }
      }
      int[] letters = new int[name.length()];
      int n = 0;
      for (int i = 0; i < name.length(); i++) {
        if (Keyboard.near(Character.toLowerCase(name.charAt(i))).length() > 0) {
          letters[n++] = i;
        }
      }
      int i = letters[random.nextInt(n)];
      char c = name.charAt(i);
      String near = Keyboard.near(Character.toLowerCase(c));
      char replacement = near.charAt(random.nextInt(near.length()));
      b.setCharAt(i, Character.isUpperCase(c) ? Character.toUpperCase(replacement) : replacement);
      return b.toString();
    }

    /**
     * Day and month swapped (only when the day is 12 or less and differs from the month), else one
     * digit of dd/mm/yyyy changed; always a valid date within the 18 years.
     */
    private LocalDate dateError(LocalDate date) {
      int day = date.getDayOfMonth();
      int month = date.getMonthValue();
      if (day <= 12 && day != month && random.nextBoolean()) {
        LocalDate swapped = LocalDate.of(date.getYear(), day, month);
        if (inWindow(swapped)) {
          return swapped;
        }
      }
      String digits = String.format("%02d%02d%04d", day, month, date.getYear());
      List<LocalDate> candidates = new ArrayList<>();
      for (int position = 0; position < digits.length(); position++) {
        for (char digit = '0'; digit <= '9'; digit++) {
          if (digit == digits.charAt(position)) {
            continue;
          }
          char[] changed = digits.toCharArray();
          changed[position] = digit;
          String s = new String(changed);
          try {
            LocalDate candidate =
                LocalDate.of(
                    Integer.parseInt(s, 4, 8, 10),
                    Integer.parseInt(s, 2, 4, 10),
                    Integer.parseInt(s, 0, 2, 10));
            if (inWindow(candidate)) {
              candidates.add(candidate);
            }
          } catch (DateTimeException invalid) {
            // not a date: not a candidate
          }
        }
      }
      return candidates.get(random.nextInt(candidates.size()));
    }

    private static boolean inWindow(LocalDate date) {
      return !date.isBefore(EARLIEST_BIRTH) && !date.isAfter(REFERENCE_DATE);
    }

    private static char opposite(char sex) {
      return sex == 'M' ? 'F' : 'M';
    }
  }

  /** Neighbouring keys on a UK QWERTY keyboard, for substitution and insertion typos. */
  private static final class Keyboard {
    private static final String[] NEAR = {
      "qwsz", "vghn", "xdfv", "serfcx", "wrsd", "drtgvc", "ftyhbv", "gyujnb", "uojk", "huikmn",
      "jiolm", "kop", "njk", "bhjm", "ipkl", "ol", "wa", "etdf", "awedxz", "ryfg", "yihj", "cfgb",
      "qeas", "zsdc", "tugh", "asx"
    };

    static String near(char c) {
      return c >= 'a' && c <= 'z' ? NEAR[c - 'a'] : "";
    }
  }

  /**
   * The generator's own table of short forms and spelling variants for the given names of every
   * tradition in {@link Names} (written for the generator; not the matcher's list).
   */
  private static final class Nicknames {
    private static final String TABLE =
        """
        Olivia: Liv, Livvy |
        Amelia: Millie, Amy, Mel | Emelia
        Isla: | Islay, Ila
        Ava: | Avah, Eva
        Mia: | Miah, Mya
        Ivy: | Ivie, Ivey
        Lily: | Lilly, Lillie
        Isabella: Bella, Izzy, Issy | Isobella
        Rosie: | Rosy, Rosey
        Sophia: Sophie, Soph | Sofia
        Grace: Gracie |
        Freya: | Freja, Freyja
        Poppy: | Poppie
        Evie: | Evey, Evi
        Ella: Elle | Ela
        Charlotte: Lottie, Lotte |
        Emily: Em, Emmy, Milly | Emilie
        Jessica: Jess, Jessie |
        Chloe: | Cloe, Chloey
        Ruby: | Rubie
        Daisy: | Daisie
        Millie: | Milly
        Sophie: Soph | Sophy
        Lucy: Luce | Lucie
        Holly: | Hollie
        Megan: Meg | Meghan
        Katie: | Katy, Katey
        Leah: | Lea, Leigha
        Oliver: Ollie, Olly |
        George: Georgie |
        Noah: | Noa
        Arthur: Art, Artie |
        Harry: | Harrie
        Oscar: Ozzy, Oz |
        Jack: | Jak
        Charlie: | Charley
        Jacob: Jake, Jakey | Jakob
        Thomas: Tom, Tommy |
        William: Will, Billy, Bill |
        James: Jim, Jimmy, Jamie |
        Alfie: Alf | Alfy
        Freddie: Fred | Freddy
        Joshua: Josh |
        Samuel: Sam, Sammy |
        Daniel: Dan, Danny |
        Alexander: Alex, Xander, Sandy |
        Riley: | Reilly, Rylee
        Mason: | Maison
        Tyler: Ty |
        Callum: Cal | Calum
        Ethan: | Eathan
        Lewis: Lew |
        Ryan: | Rian
        Connor: | Conor
        Zuzanna: Zuza, Zuzia | Zuzana, Susanna
        Julia: Julka | Yulia
        Maja: | Maya, Maia
        Zofia: Zosia | Sofia
        Hanna: | Hannah
        Lena: Lenka |
        Alicja: Ala | Alicia
        Maria: Marysia | Mariya
        Oliwia: Ola | Olivia
        Wiktoria: Wika | Victoria, Viktoria
        Natalia: Nata, Natka | Natalya
        Antonina: Tosia |
        Emilia: Emilka, Mila |
        Ewa: Ewka | Eva
        Jakub: Kuba | Jakob
        Antoni: Antek, Tony | Antony
        Jan: Janek |
        Szymon: Szymek | Simon
        Filip: Filipek | Philip
        Kacper: | Kasper, Casper
        Aleksander: Olek, Alek | Alexander
        Franciszek: Franek |
        Mikolaj: | Mikołaj, Nikolai
        Wojciech: Wojtek |
        Piotr: Piotrek | Peter
        Mateusz: Mati | Matthew
        Tomasz: Tomek | Tomas
        Marek: | Mark
        Aisha: | Aysha, Aishah
        Fatima: | Fatimah, Fatema
        Maryam: | Mariam, Maryum
        Zara: | Zarah, Zahra
        Hafsa: | Hafsah
        Inaya: | Inayah
        Anaya: | Annaya, Anayah
        Priya: | Preya
        Aaliyah: | Aliyah, Aliya
        Hania: | Haniya, Haniah
        Amira: | Ameera, Amirah
        Sana: | Sanaa, Sanah
        Noor: | Nur, Nour
        Ayesha: | Ayisha, Aisha
        Simran: Simi |
        Muhammad: | Mohammed, Mohamed, Mohammad, Muhammed
        Mohammed: | Muhammad, Mohamed, Mohammad
        Mohamed: | Mohammed, Muhammad, Mohamad
        Ibrahim: | Ebrahim, Ibraheem
        Yusuf: | Yusef, Yousuf, Yousef
        Ali: | Aly
        Zayn: | Zain, Zayne
        Ayaan: | Ayan, Ayyan
        Hamza: | Hamzah
        Omar: | Umar
        Arjun: | Arjan
        Rayan: | Rayyan
        Harjit: | Harjeet
        Aarav: | Arav
        Bilal: | Billal
        Amara: | Amarah
        Nia: | Niah, Nya
        Adaeze: Ada |
        Zainab: | Zaynab, Zeinab
        Chioma: Chi |
        Abena: | Abina
        Ama: | Amma
        Tiana: Tia | Tianna
        Precious: Presh |
        Blessing: Bless |
        Favour: | Favor
        Esther: Essie, Ettie |
        Tobi: | Toby
        Kwame: | Kwami
        Kofi: | Koffi
        Jayden: | Jaden, Jaiden
        Tyrese: Ty | Tyreese
        Malachi: Mal | Malakai
        Elijah: Eli | Elija
        David: Dave, Davey |
        Michael: Mike, Mikey, Mick |
        Joseph: Joe, Joey |
        Isaac: Zac, Ike | Isaak
        Mei: | May
        Xinyi: Xin | Xin Yi
        Yuxi: | Yu Xi
        Lin: | Lynn
        Jia: | Chia
        Hui: | Hwei
        Jun: | Chun
        Jian: | Chien
        Bo: | Po
        Lei: | Lui
        Kai: | Kye
        Layla: | Laila, Leila, Lyla
        Mariam: | Maryam, Miriam
        Yasmin: Yas | Yasmine, Yasmeen
        Huda: | Hoda
        Rania: | Raniya
        Salma: | Selma
        Lina: | Leena
        Dana: | Danah
        Nour: | Noor, Nur
        Sara: | Sarah
        Ahmad: | Ahmed, Ahmet
        Khalid: | Khaled
        Tariq: | Tarek, Tarik
        Karim: | Kareem
        Sami: | Samy
        Yousef: | Yusuf, Youssef
        Zaid: | Zayd, Zayed
        Hadi: | Hady
        Nabil: | Nabeel
        """;

    static final Map<String, List<String>> SHORT = new HashMap<>();
    static final Map<String, List<String>> SPELLING = new HashMap<>();

    static {
      for (String line : TABLE.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String name = line.substring(0, line.indexOf(':')).trim();
        String[] parts = line.substring(line.indexOf(':') + 1).split("\\|", -1);
        SHORT.put(name, forms(parts[0]));
        SPELLING.put(name, forms(parts[1]));
      }
    }

    private static List<String> forms(String csv) {
      List<String> forms = new ArrayList<>();
      for (String form : csv.split(",")) {
        if (!form.isBlank()) {
          forms.add(form.trim());
        }
      }
      return List.copyOf(forms);
    }

    static List<String> all(String name) {
      List<String> all = new ArrayList<>(SHORT.getOrDefault(name, List.of()));
      all.addAll(SPELLING.getOrDefault(name, List.of()));
      return all;
    }
  }
}
