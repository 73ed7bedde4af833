package org.childjourneys.synthetic;

import static org.childjourneys.synthetic.GraphBatch.row;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.childjourneys.identifiers.Identifiers;
import org.childjourneys.synthetic.AuthorityStructure.Function;
import org.childjourneys.synthetic.AuthorityStructure.School;
import org.childjourneys.synthetic.AuthorityStructure.Team;

/**
 * Simulates one family's life from the start of the data window to the reference date and writes
 * what the source systems would have recorded. A latent family and child risk drives every hazard,
 * and history feeds back (early help that meets its outcomes lowers risk, placement moves and
 * exclusions raise it), so pathways differ in outcome for real.
 */
final class FamilySimulator {

  static final String SOURCE_FILE = "synthetic";

  private final SyntheticSettings settings;
  private final AuthorityStructure authority;
  private final SyntheticTally tally;
  private final Counters ids;
  private final LocalDate windowStart;
  private final LocalDate ref;
  private final LocalDate yearStart;
  private final int lastFullAcademicYear;

  /** Id counters shared by all families, so ids are unique and deterministic. */
  static final class Counters {
    long family;
    long child;
    long adult;
    long record;
    long involvement;
    long event;
    long contact;
    long placement;
    long address;
  }

  FamilySimulator(
      SyntheticSettings settings,
      AuthorityStructure authority,
      SyntheticTally tally,
      Counters ids) {
    this.settings = settings;
    this.authority = authority;
    this.tally = tally;
    this.ids = ids;
    this.windowStart = settings.windowStart();
    this.ref = settings.referenceDate();
    this.yearStart = ref.minusYears(1).plusDays(1);
    this.lastFullAcademicYear = ref.getMonthValue() >= 8 ? ref.getYear() - 1 : ref.getYear() - 2;
  }

  /** Generates one family of at most {@code maxChildren} children into the batch. */
  int simulate(long familyIndex, int maxChildren, GraphBatch batch) {
    SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + familyIndex);
    Family family = new Family(random, batch);
    family.create(maxChildren);
    for (Kid kid : family.kids) {
      kid.live();
    }
    return family.kids.size();
  }

  /** A prefixed, zero-padded id; String.format is too slow for millions of ids. */
  static String id(String prefix, long n, int width) {
    return prefix + pad(n, width);
  }

  static String pad(long n, int width) {
    String digits = Long.toString(n);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static long exponentialDays(SplittableRandom random, double meanDays) {
    return Math.max(1, (long) (-Math.log(1 - random.nextDouble()) * meanDays));
  }

  private static String pick(SplittableRandom random, String[] values, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < values.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  private boolean inYear(LocalDate d) {
    return d != null && !d.isBefore(yearStart) && !d.isAfter(ref);
  }

  private boolean openAt(LocalDate start, LocalDate end, LocalDate day) {
    return !start.isAfter(day) && (end == null || end.isAfter(day));
  }

  /** A household and the people in it, with family-level hazards. */
  private final class Family {
    final SplittableRandom random;
    final GraphBatch batch;
    final String householdId;
    final double risk;
    final Names.Tradition tradition;
    final String familyName;
    final Team gp;
    final AuthorityStructure.Lsoa home;
    final boolean domesticAbuse;
    final boolean parentalMentalHealth;
    final boolean substanceMisuse;
    final boolean alcoholMisuse;
    final List<Kid> kids = new ArrayList<>();
    final List<String> adultIds = new ArrayList<>();
    final List<LocalDate> domesticIncidents = new ArrayList<>();
    final List<LocalDate> moves = new ArrayList<>();
    final List<LocalDate[]> homelessness = new ArrayList<>();
    LocalDate bereavement;
    String postcode;

    Family(SplittableRandom random, GraphBatch batch) {
      this.random = random;
      this.batch = batch;
      this.householdId = id("H", ++ids.family, 8);
      this.tradition = Names.tradition(random);
      this.familyName = Names.skewed(tradition.familyNames(), random);
      this.home = authority.lsoa(random);
      double deprivation = (5.5 - home.imdDecile()) / 4.5;
      this.risk = 0.85 * gaussian() + 0.55 * deprivation;
      this.domesticAbuse = random.nextDouble() < sigmoid(-2.2 + 1.4 * risk);
      this.parentalMentalHealth = random.nextDouble() < sigmoid(-1.8 + 1.1 * risk);
      this.substanceMisuse = random.nextDouble() < sigmoid(-3.4 + 1.3 * risk);
      this.alcoholMisuse = random.nextDouble() < sigmoid(-3.2 + 1.1 * risk);
      this.gp = authority.team(Function.GP, random);
      this.postcode = home.postcodes().get(random.nextInt(home.postcodes().size()));
    }

    double gaussian() {
      double u1 = 1 - random.nextDouble();
      double u2 = random.nextDouble();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    double sigmoid(double x) {
      return 1 / (1 + Math.exp(-x));
    }

    void create(int maxChildren) {
      int size =
          Math.min(
              maxChildren,
              (int)
                  Long.parseLong(
                      pick(
                          random,
                          new String[] {"1", "2", "3", "4", "5"},
                          new double[] {45, 35, 14, 5, 1})));
      LocalDate earliest = ref.minusYears(18).plusDays(1);
      long span = ChronoUnit.DAYS.between(earliest, ref);
      LocalDate birth = earliest.plusDays(random.nextLong(span + 1));
      List<LocalDate> births = new ArrayList<>();
      births.add(birth);
      while (births.size() < size) {
        LocalDate previous = births.get(births.size() - 1);
        LocalDate next =
            random.nextDouble() < 0.015 * births.size()
                ? previous
                : previous.plusDays(300 + random.nextInt(1500));
        if (next.isAfter(ref)) {
          // Older siblings instead, so the family still fits in the 0-17 window.
          next = births.get(0).minusDays(300 + random.nextInt(1500));
          if (next.isBefore(earliest)) {
            break;
          }
          births.add(0, next);
        } else {
          births.add(next);
        }
      }
      LocalDate oldest = births.get(0);
      LocalDate moveIn = max(windowStart.minusYears(2), oldest.minusYears(1));
      addAddress(moveIn, home);
      LocalDate motherBirth =
          oldest.minusYears(19 + random.nextInt(18)).minusDays(random.nextInt(365));
      String mother = adult('F', motherBirth, familyName);
      String father = null;
      if (random.nextDouble() < 0.68 - 0.12 * Math.max(0, risk)) {
        father = adult('M', motherBirth.minusDays(random.nextInt(2500) - 700), familyName);
      }
      String stepParent = null;
      LocalDate stepFrom = null;
      if (father == null && random.nextDouble() < 0.25) {
        stepFrom = oldest.plusDays(random.nextInt(3000));
        if (stepFrom.isBefore(ref)) {
          stepParent =
              adult(
                  'M',
                  motherBirth.minusDays(random.nextInt(3000) - 1000),
                  Names.skewed(tradition.familyNames(), random));
        }
      }
      familyEvents(oldest);
      for (LocalDate b : births) {
        Kid kid = new Kid(this, b);
        kids.add(kid);
        kid.createPerson();
        parent(mother, kid, "MOTHER", true, b);
        if (father != null) {
          parent(father, kid, "FATHER", true, b);
        }
        if (stepParent != null && stepFrom.isAfter(b)) {
          batch.family.add(
              row(
                  "adult",
                  stepParent,
                  "child",
                  kid.id,
                  "type",
                  "CARER_OF",
                  "relationship",
                  "STEP_PARENT",
                  "parentalResponsibility",
                  false,
                  "from",
                  stepFrom,
                  "sourceSystem",
                  "SYN_SOCIAL_CARE"));
          kid.familyMembers++;
        }
      }
      for (int i = 0; i < kids.size(); i++) {
        for (int j = i + 1; j < kids.size(); j++) {
          boolean twins = kids.get(i).birth.equals(kids.get(j).birth);
          batch.siblings.add(
              row(
                  "a",
                  kids.get(i).id,
                  "b",
                  kids.get(j).id,
                  "kind",
                  twins ? "TWIN" : "FULL",
                  "sourceSystem",
                  "SYN_HEALTH"));
          kids.get(i).familyMembers++;
          kids.get(j).familyMembers++;
        }
      }
    }

    private void addAddress(LocalDate from, AuthorityStructure.Lsoa lsoa) {
      String postcode = lsoa.postcodes().get(random.nextInt(lsoa.postcodes().size()));
      this.postcode = postcode;
      batch.addresses.add(
          row(
              "household",
              householdId,
              "id",
              id("A", ++ids.address, 8),
              "line1",
              (1 + random.nextInt(180)) + " " + STREETS[random.nextInt(STREETS.length)],
              "postcode",
              postcode,
              "lsoa",
              lsoa.code(),
              "from",
              from));
    }

    private void familyEvents(LocalDate oldest) {
      LocalDate from = max(windowStart, oldest);
      for (LocalDate d = from; d.isBefore(ref); d = d.plusMonths(1)) {
        if (domesticAbuse && random.nextDouble() < 0.035) {
          domesticIncidents.add(d.plusDays(random.nextInt(28)));
        }
        if (random.nextDouble() < 0.008 + 0.004 * Math.max(0, risk)) {
          LocalDate moveDay = d.plusDays(random.nextInt(28));
          moves.add(moveDay);
          AuthorityStructure.Lsoa next = random.nextDouble() < 0.6 ? home : authority.lsoa(random);
          // Close the previous address and open the next.
          batch.addresses.get(batch.addresses.size() - 1).put("to", moveDay);
          addAddress(moveDay, next);
        }
        if (random.nextDouble() < 0.0008 * Math.exp(0.9 * risk)) {
          LocalDate s = d.plusDays(random.nextInt(28));
          homelessness.add(new LocalDate[] {s, s.plusDays(30 + random.nextInt(300))});
          d = d.plusMonths(12);
        }
        if (bereavement == null && random.nextDouble() < 0.0002 * Math.exp(0.5 * risk)) {
          bereavement = d.plusDays(random.nextInt(28));
        }
      }
    }

    private String adult(char sex, LocalDate birth, String surname) {
      String id = id("AD", ++ids.adult, 8);
      adultIds.add(id);
      batch.adults.add(
          row(
              "id",
              id,
              "household",
              householdId,
              "from",
              windowStart.minusYears(2),
              "props",
              row(
                  "id",
                  id,
                  "givenName",
                  Names.givenName(tradition, sex, random),
                  "familyName",
                  Names.polishGenderedFamilyName(surname, sex),
                  "birthDate",
                  birth,
                  "sex",
                  String.valueOf(sex),
                  "synthetic",
                  true,
                  "sourceSystem",
                  "SYN_HEALTH",
                  "sourceFile",
                  SOURCE_FILE)));
      return id;
    }

    private void parent(String adult, Kid kid, String relationship, boolean pr, LocalDate from) {
      batch.family.add(
          row(
              "adult",
              adult,
              "child",
              kid.id,
              "type",
              "PARENT_OF",
              "relationship",
              relationship,
              "parentalResponsibility",
              pr,
              "from",
              from,
              "sourceSystem",
              "SYN_HEALTH"));
      kid.familyMembers++;
    }
  }

  /** A plan, enquiry or period of care inside a CIN episode; detail is its category or outcome. */
  private record Part(String kind, LocalDate start, LocalDate end, String detail) {}

  /** When a period of care ends and the SSDA903 reason it ceased (REC). */
  private record PeriodOfCare(LocalDate end, String reasonEnded) {}

  private static final String[] STREETS = {
    "Church Street", "Station Road", "Victoria Road", "Green Lane", "Manor Road", "Park Road",
    "Queens Road", "New Street", "Mill Lane", "School Lane", "The Crescent", "Chapel Street",
    "Highfield Road", "Moss Lane", "Bolton Road", "Wigan Lane", "Chester Road", "Canal Street"
  };

  /** One child's life: records in each source system and everything they recorded. */
  private final class Kid {
    final Family family;
    final SplittableRandom random;
    final GraphBatch batch;
    final LocalDate birth;
    final String id;
    final char sex;
    final String givenName;
    final String familyName;
    final String ethnicity;
    double risk;
    int familyMembers;
    final Map<String, String> records = new HashMap<>();
    final Set<String> professionals = new HashSet<>();
    String nhsNumber;
    String upn;
    // Journey state.
    final List<LocalDate> referrals = new ArrayList<>();
    LocalDate socialCareBusyUntil = LocalDate.MIN;
    LocalDate earlyHelpBusyUntil = LocalDate.MIN;
    LocalDate youthJusticeBusyUntil = LocalDate.MIN;
    LocalDate lastReferralClosed;
    LocalDate lastEarlyHelpClosed;
    String lastEarlyHelpClosure;
    int cpPlans;
    int offences;
    boolean excluded;
    boolean lookedAfterEver;
    int placementMoves;
    boolean inSocialCareInYear;
    boolean inEarlyHelpInYear;
    School school;
    String schoolEnrolmentId;
    LocalDate schoolEnrolmentStart;

    Kid(Family family, LocalDate birth) {
      this.family = family;
      this.random = family.random;
      this.batch = family.batch;
      this.birth = birth;
      this.id = id("C", ++ids.child, 8);
      this.sex = random.nextBoolean() ? 'F' : 'M';
      this.givenName = Names.givenName(family.tradition, sex, random);
      this.familyName = Names.polishGenderedFamilyName(family.familyName, sex);
      this.ethnicity =
          family.tradition.ethnicities().get(random.nextInt(family.tradition.ethnicities().size()));
      this.risk = family.risk + 0.6 * family.gaussian();
    }

    double hazard() {
      return Math.exp(1.1 * risk);
    }

    double age(LocalDate d) {
      return ChronoUnit.DAYS.between(birth, d) / 365.25;
    }

    void createPerson() {
      batch.children.add(
          row(
              "id",
              id,
              "household",
              family.householdId,
              "from",
              birth,
              "props",
              row(
                  "id",
                  id,
                  "givenName",
                  givenName,
                  "familyName",
                  familyName,
                  "birthDate",
                  birth,
                  "sex",
                  String.valueOf(sex),
                  "ethnicity",
                  ethnicity,
                  "synthetic",
                  true)));
      batch.childCount++;
      tally.children++;
      if (age(ref) >= 10) {
        tally.childrenAged10To17++;
      }
      if (age(ref) >= 16) {
        tally.childrenAged16To17++;
      }
    }

    /** The child's record in a source system, created the first time that system sees them. */
    String record(String system, LocalDate seen) {
      String existing = records.get(system);
      if (existing != null) {
        return existing;
      }
      String localId =
          switch (system) {
                case "SYN_HEALTH" -> "H";
                case "SYN_EDUCATION" -> "E";
                case "SYN_SOCIAL_CARE" -> "LA999-";
                case "SYN_EARLY_HELP" -> "EH";
                case "SYN_YOUTH_JUSTICE" -> "YOT";
                case "SYN_POLICE" -> "NICHE";
                default -> "HSG";
              }
              + pad(++ids.record, 8);
      String recordId = system + ":" + localId;
      records.put(system, recordId);
      batch.records.add(
          row(
              "child",
              id,
              "decidedAt",
              LocalDateTime.of(max(seen, windowStart), java.time.LocalTime.NOON),
              "props",
              row(
                  "id",
                  recordId,
                  "system",
                  system,
                  "localId",
                  localId,
                  "givenName",
                  givenName,
                  "familyName",
                  familyName,
                  "birthDate",
                  birth,
                  "sex",
                  String.valueOf(sex),
                  "postcode",
                  family.postcode,
                  "synthetic",
                  true,
                  "syntheticTruthId",
                  id,
                  "sourceSystem",
                  system,
                  "sourceFile",
                  SOURCE_FILE,
                  "sourceRecord",
                  localId)));
      tally.personRecords++;
      double nhsShare =
          switch (system) {
            case "SYN_HEALTH" -> 1.0;
            case "SYN_SOCIAL_CARE" -> 0.6;
            case "SYN_EARLY_HELP" -> 0.4;
            case "SYN_YOUTH_JUSTICE" -> 0.3;
            default -> 0.0;
          };
      if (nhsNumber == null) {
        nhsNumber = Identifiers.nhsNumber(random);
      }
      if (random.nextDouble() < nhsShare) {
        identifier(recordId, "NHS", nhsNumber, seen);
      }
      if (upn != null && (system.equals("SYN_EDUCATION") || random.nextDouble() < 0.5)) {
        identifier(recordId, "UPN", upn, seen);
      }
      String scheme =
          switch (system) {
            case "SYN_SOCIAL_CARE" -> "LA_CHILD_ID@999";
            case "SYN_EARLY_HELP" -> "EARLY_HELP_ID@999";
            case "SYN_YOUTH_JUSTICE" -> "YOT_NUMBER@999";
            case "SYN_POLICE" -> "POLICE_ID@SYN";
            default -> null;
          };
      if (scheme != null) {
        identifier(recordId, scheme, localId, seen);
      }
      return recordId;
    }

    void identifier(String recordId, String scheme, String value, LocalDate from) {
      batch.identifiers.add(
          row(
              "record",
              recordId,
              "key",
              scheme + ":" + value,
              "scheme",
              scheme,
              "value",
              value,
              "from",
              from,
              "sourceSystem",
              recordId.substring(0, recordId.indexOf(':'))));
    }

    boolean covered(String system, LocalDate d) {
      return d != null && !d.isAfter(ref) && !d.isBefore(settings.coverageFrom(system));
    }

    /** Records an involvement if its source covered its start; returns its id or null. */
    String involvement(
        String system,
        String service,
        String kind,
        LocalDate start,
        LocalDate end,
        Team team,
        Object... extra) {
      if (!covered(system, start)) {
        return null;
      }
      if (end != null && end.isAfter(ref)) {
        end = null;
      }
      String invId = id("I", ++ids.involvement, 9);
      Map<String, Object> props =
          row(
              "id",
              invId,
              "kind",
              kind,
              "service",
              service,
              "start",
              start,
              "end",
              end,
              "childId",
              id,
              "teamId",
              team == null ? null : team.id,
              "synthetic",
              true,
              "sourceSystem",
              system,
              "sourceFile",
              SOURCE_FILE,
              "sourceRecord",
              invId);
      for (int i = 0; i < extra.length; i += 2) {
        if (extra[i + 1] != null) {
          props.put((String) extra[i], extra[i + 1]);
        }
      }
      batch.involvements.add(
          row(
              "record",
              record(system, start),
              "team",
              team == null ? null : team.id,
              "props",
              props));
      tally.involvements++;
      boolean teamContact =
          team == null
              || team.function == Function.SCHOOL
              || kind.equals("GP_REGISTRATION")
              || kind.equals("SCHOOL_NURSING");
      if (!teamContact) {
        allocate(team, invId, start, end);
      }
      return invId;
    }

    /** Allocates professionals over the involvement, with changes of worker on long ones. */
    void allocate(Team team, String invId, LocalDate start, LocalDate end) {
      LocalDate from = start;
      LocalDate stop = end == null ? ref : end;
      String startReason = null;
      for (int changes = 0; changes < 8; changes++) {
        AuthorityStructure.Tenure t = team.staffOn(from, random);
        boolean workerLeaves = t.to() != null && t.to().isAfter(from) && t.to().isBefore(stop);
        LocalDate to = workerLeaves ? t.to() : end;
        batch.allocations.add(
            row(
                "professional",
                t.professionalId(),
                "involvement",
                invId,
                "role",
                team.function.role,
                "lead",
                true,
                "from",
                from,
                "to",
                to,
                "startReason",
                startReason,
                "endReason",
                workerLeaves ? "WORKER_LEFT" : null,
                "sourceSystem",
                "SYN"));
        if (professionals.add(t.professionalId())) {
          tally.allocatedProfessionals++;
        }
        if (!workerLeaves) {
          break;
        }
        from = to;
        startReason = "PREVIOUS_WORKER_LEFT";
      }
    }

    void event(
        String system,
        String service,
        String kind,
        LocalDate date,
        boolean traumatic,
        boolean strength,
        List<String> needCodes,
        Object... extra) {
      if (!covered(system, date)) {
        return;
      }
      String eventId = id("E", ++ids.event, 9);
      Map<String, Object> props =
          row(
              "id",
              eventId,
              "kind",
              kind,
              "service",
              service,
              "date",
              date,
              "childId",
              id,
              "traumatic",
              traumatic,
              "strength",
              strength,
              "needCodes",
              needCodes == null || needCodes.isEmpty() ? null : needCodes,
              "synthetic",
              true,
              "sourceSystem",
              system,
              "sourceFile",
              SOURCE_FILE,
              "sourceRecord",
              eventId);
      for (int i = 0; i < extra.length; i += 2) {
        if (extra[i + 1] != null) {
          props.put((String) extra[i], extra[i + 1]);
        }
      }
      batch.events.add(row("record", record(system, date), "props", props));
      tally.events++;
    }

    void live() {
      universalServices();
      education();
      familyLife();
      LocalDate start = max(birth, windowStart);
      for (LocalDate month = start; month.isBefore(ref); month = month.plusMonths(1)) {
        double age = age(month);
        frontDoor(month, age);
        if (random.nextDouble() < settings.earlyHelpRequestRate() * hazard()) {
          // Early help requests from schools and health go straight to the early help hub.
          earlyHelp(month.plusDays(random.nextInt(28)), "REQUEST_FOR_SUPPORT");
        }
        if (age >= 10 && !month.isBefore(youthJusticeBusyUntil)) {
          youthJustice(month, age);
        }
        health(month, age);
      }
      postSixteen();
      if (inSocialCareInYear) {
        tally.socialCareChildrenInYear++;
      }
      if (inEarlyHelpInYear) {
        tally.earlyHelpChildrenInYear++;
      }
      tally.familyMembers += familyMembers;
    }

    void universalServices() {
      LocalDate gpFrom = max(birth.plusDays(14), windowStart);
      if (!gpFrom.isAfter(ref)) {
        involvement("SYN_HEALTH", "HEALTH", "GP_REGISTRATION", gpFrom, null, family.gp);
      }
      LocalDate fifth = birth.plusYears(5);
      if (fifth.isAfter(windowStart)) {
        LocalDate hvStart = max(birth.plusDays(10), windowStart);
        if (!hvStart.isAfter(ref)) {
          involvement(
              "SYN_HEALTH",
              "UNIVERSAL",
              "HEALTH_VISITING",
              hvStart,
              fifth,
              authority.team(Function.HEALTH_VISITING, random));
        }
        String[] reviews = {
          "NEW_BIRTH_VISIT",
          "SIX_TO_EIGHT_WEEK_REVIEW",
          "ONE_YEAR_REVIEW",
          "TWO_AND_A_HALF_YEAR_REVIEW"
        };
        int[] days = {12, 49, 365, 913};
        for (int i = 0; i < reviews.length; i++) {
          if (random.nextDouble() < 0.92) {
            event(
                "SYN_HEALTH",
                "UNIVERSAL",
                reviews[i],
                birth.plusDays(days[i] + random.nextInt(20)),
                false,
                false,
                null);
          }
        }
        int[] immunisationDays = {56, 84, 112, 365, 1220};
        for (int d : immunisationDays) {
          if (random.nextDouble() < 0.93) {
            event(
                "SYN_HEALTH",
                "UNIVERSAL",
                "IMMUNISATION",
                birth.plusDays(d + random.nextInt(30)),
                false,
                false,
                null);
          }
        }
        if (random.nextDouble() < 0.45 + 0.1 * Math.max(0, risk)) {
          LocalDate ccStart = birth.plusDays(60 + random.nextInt(400));
          involvement(
              "SYN_SOCIAL_CARE",
              "UNIVERSAL",
              "CHILDRENS_CENTRE_REGISTRATION",
              max(ccStart, windowStart),
              fifth,
              authority.team(Function.CHILDRENS_CENTRE, random));
        }
      }
      LocalDate teen = birth.plusYears(12).plusDays(random.nextInt(300));
      if (random.nextDouble() < 0.85) {
        event("SYN_HEALTH", "UNIVERSAL", "IMMUNISATION", teen, false, false, null);
        event("SYN_HEALTH", "UNIVERSAL", "IMMUNISATION", teen.plusYears(2), false, false, null);
      }
      LocalDate schoolAge = septemberAtAge(4);
      if (schoolAge.isBefore(ref) && birth.plusYears(19).isAfter(windowStart)) {
        involvement(
            "SYN_HEALTH",
            "UNIVERSAL",
            "SCHOOL_NURSING",
            max(schoolAge, windowStart),
            birth.plusYears(19),
            authority.team(Function.HEALTH_VISITING, random));
      }
      // National Child Measurement Programme: reception and year 6.
      event(
          "SYN_HEALTH",
          "UNIVERSAL",
          "CHILD_MEASUREMENT",
          septemberAtAge(4).plusDays(60 + random.nextInt(200)),
          false,
          false,
          null);
      event(
          "SYN_HEALTH",
          "UNIVERSAL",
          "CHILD_MEASUREMENT",
          septemberAtAge(10).plusDays(60 + random.nextInt(200)),
          false,
          false,
          null);
      LocalDate schoolEntryCheck = birth.plusYears(5).plusDays(random.nextInt(200));
      event(
          "SYN_HEALTH",
          "UNIVERSAL",
          "SCHOOL_ENTRY_HEALTH_REVIEW",
          schoolEntryCheck,
          false,
          false,
          null);
    }

    /** September of the academic year in which the child reaches the given age on 31 August. */
    LocalDate septemberAtAge(int age) {
      LocalDate d = birth.plusYears(age);
      int year = d.getMonthValue() >= 9 ? d.getYear() : d.getYear() - 1;
      return LocalDate.of(year, 9, 3);
    }

    void education() {
      LocalDate reception = septemberAtAge(4);
      LocalDate year7 = septemberAtAge(11);
      LocalDate year12 = septemberAtAge(16);
      LocalDate leaves = septemberAtAge(18).minusMonths(2);
      if (reception.isAfter(ref)) {
        return;
      }
      upn =
          Identifiers.upn(
              AuthorityStructure.LA_CODE,
              2000 + random.nextInt(8000),
              reception.getYear(),
              random.nextInt(1000));
      boolean ehcp = random.nextDouble() < clamp(0.04 * Math.exp(0.3 * risk), 0, 0.3);
      if (ehcp) {
        LocalDate planStart = birth.plusYears(3 + random.nextInt(8)).plusDays(random.nextInt(365));
        LocalDate planStartCovered = max(planStart, windowStart);
        if (planStartCovered.isBefore(ref) && planStart.isBefore(leaves)) {
          involvement(
              "SYN_EDUCATION",
              "SEND_NEET",
              "EHC_PLAN",
              planStartCovered,
              birth.plusYears(19),
              authority.team(Function.SEND, random),
              "primaryNeed",
              pick(
                  random,
                  new String[] {"ASD", "SEMH", "SLCN", "MLD", "SLD", "PD"},
                  new double[] {33, 17, 21, 8, 8, 5}));
        }
      }
      enrol(authority.primaries.get(random.nextInt(authority.primaries.size())), reception, year7);
      if (!year7.isAfter(ref)) {
        enrol(
            authority.secondaries.get(random.nextInt(authority.secondaries.size())), year7, year12);
      }
    }

    /** Sixth form or college, or a spell not in education, employment or training. */
    void postSixteen() {
      LocalDate year12 = septemberAtAge(16);
      LocalDate leaves = septemberAtAge(18).minusMonths(2);
      if (year12.isAfter(ref)) {
        return;
      }
      double chance =
          0.09
              * Math.exp(0.5 * risk)
              * (excluded ? 2.5 : 1)
              * (offences > 0 ? 2 : 1)
              * (lookedAfterEver ? 2 : 1);
      LocalDate collegeStart = year12;
      if (random.nextDouble() < clamp(chance, 0, 0.7)) {
        LocalDate neetEnd = year12.plusDays(90 + random.nextInt(500));
        String neetId =
            involvement(
                "SYN_EDUCATION",
                "SEND_NEET",
                "NEET_OR_NOT_KNOWN",
                year12,
                neetEnd,
                authority.team(Function.NEET, random));
        if (neetId != null && openAt(year12, neetEnd, ref)) {
          tally.neetAtReference++;
        }
        collegeStart = neetEnd;
      }
      if (collegeStart.isBefore(ref)) {
        School college = authority.colleges.get(random.nextInt(authority.colleges.size()));
        involvement(
            "SYN_EDUCATION",
            "EDUCATION",
            "SCHOOL_ENROLMENT",
            collegeStart,
            leaves,
            college.team(),
            "schoolUrn",
            college.urn(),
            "phase",
            college.phase());
      }
    }

    void enrol(School s, LocalDate from, LocalDate to) {
      school = s;
      schoolEnrolmentStart = from;
      LocalDate end = to;
      // School years are simulated in the enrolment, one decision point each September.
      for (LocalDate sep = from; sep.isBefore(to) && sep.isBefore(ref); sep = sep.plusYears(1)) {
        // School measures use the last complete academic year, as DfE publishes them.
        boolean measuredYear = sep.getYear() == lastFullAcademicYear;
        if (measuredYear) {
          tally.pupilsInYear++;
        }
        double age = age(sep);
        double suspensionChance =
            clamp(0.015 * Math.exp(0.9 * risk) * (age > 11 ? 2.2 : 0.5), 0, 0.8);
        boolean suspended = false;
        if (random.nextDouble() < suspensionChance) {
          int n = 1 + random.nextInt(age > 11 ? 4 : 2);
          for (int i = 0; i < n; i++) {
            LocalDate d = sep.plusDays(random.nextInt(300));
            if (d.isBefore(ref)) {
              event(
                  "SYN_EDUCATION",
                  "EDUCATION",
                  "SUSPENSION",
                  d,
                  false,
                  false,
                  null,
                  "schoolUrn",
                  s.urn(),
                  "days",
                  1 + random.nextInt(5));
              suspended = suspended || measuredYear;
            }
          }
        }
        if (suspended) {
          tally.suspendedPupilsInYear++;
        }
        if (random.nextDouble()
            < clamp(0.0003 * Math.exp(1.3 * risk) * (age > 11 ? 3 : 0.4), 0, 0.2)) {
          LocalDate d = sep.plusDays(30 + random.nextInt(250));
          if (d.isBefore(ref) && d.isBefore(to)) {
            event(
                "SYN_EDUCATION",
                "EDUCATION",
                "PERMANENT_EXCLUSION",
                d,
                true,
                false,
                null,
                "schoolUrn",
                s.urn());
            if (measuredYear) {
              tally.permanentExclusionsInYear++;
            }
            excluded = true;
            risk += 0.3;
            end = d;
            break;
          }
        }
        if (random.nextDouble() < clamp(0.12 * Math.exp(0.5 * risk), 0, 0.9)) {
          LocalDate summer = sep.plusMonths(10);
          if (summer.isBefore(ref)) {
            event(
                "SYN_EDUCATION",
                "EDUCATION",
                "PERSISTENT_ABSENCE",
                summer,
                false,
                false,
                null,
                "schoolUrn",
                s.urn());
          }
        }
        if (random.nextDouble() < 0.02 * Math.exp(0.3 * risk)) {
          event(
              "SYN_EDUCATION",
              "EDUCATION",
              "ACHIEVEMENT",
              sep.plusDays(random.nextInt(300)),
              false,
              true,
              null);
        }
      }
      LocalDate start = max(from, windowStart);
      if (end.isAfter(start) || end.equals(start)) {
        schoolEnrolmentId =
            involvement(
                "SYN_EDUCATION",
                "EDUCATION",
                "SCHOOL_ENROLMENT",
                start,
                end,
                s.team(),
                "schoolUrn",
                s.urn(),
                "phase",
                s.phase(),
                "endReason",
                end.equals(to) ? null : "PERMANENTLY_EXCLUDED");
      }
      if (end.isBefore(to) && end.isBefore(ref)) {
        LocalDate pruEnd = min(end.plusDays(120 + random.nextInt(200)), to);
        involvement(
            "SYN_EDUCATION",
            "EDUCATION",
            "SCHOOL_ENROLMENT",
            end.plusDays(7),
            pruEnd,
            authority.pupilReferralUnit.team(),
            "schoolUrn",
            authority.pupilReferralUnit.urn(),
            "phase",
            "ALTERNATIVE_PROVISION");
        if (pruEnd.isBefore(to)) {
          List<School> same =
              s.phase().equals("PRIMARY") ? authority.primaries : authority.secondaries;
          School next = same.get(random.nextInt(same.size()));
          if (pruEnd.isBefore(ref)) {
            involvement(
                "SYN_EDUCATION",
                "EDUCATION",
                "SCHOOL_ENROLMENT",
                pruEnd,
                to,
                next.team(),
                "schoolUrn",
                next.urn(),
                "phase",
                next.phase());
          }
        }
      }
    }

    void familyLife() {
      for (LocalDate d : family.domesticIncidents) {
        if (d.isAfter(birth)) {
          event("SYN_POLICE", "POLICE", "DOMESTIC_INCIDENT", d, true, false, List.of("3A"));
          risk += 0.02;
        }
      }
      for (LocalDate d : family.moves) {
        if (d.isAfter(birth)) {
          event("SYN_HOUSING", "HOUSING", "HOUSE_MOVE", d, false, false, null);
        }
      }
      for (LocalDate[] h : family.homelessness) {
        if (h[0].isAfter(birth)) {
          involvement(
              "SYN_HOUSING",
              "HOUSING",
              "HOMELESSNESS_CASE",
              h[0],
              h[1],
              authority.team(Function.HOUSING, random));
          event("SYN_HOUSING", "HOUSING", "BECAME_HOMELESS", h[0], true, false, null);
        }
      }
      if (family.bereavement != null && family.bereavement.isAfter(birth)) {
        event(
            "SYN_HEALTH",
            "HEALTH",
            "BEREAVEMENT",
            family.bereavement,
            true,
            false,
            null,
            "relationship",
            "PARENT");
        risk += 0.4;
      }
    }

    void health(LocalDate month, double age) {
      double ae = (age < 5 ? 0.04 : 0.025) * Math.exp(0.35 * risk);
      if (random.nextDouble() < ae) {
        LocalDate d = month.plusDays(random.nextInt(28));
        boolean injury = random.nextDouble() < 0.3;
        event(
            "SYN_HEALTH",
            "HEALTH",
            "EMERGENCY_DEPARTMENT_ATTENDANCE",
            d,
            false,
            false,
            null,
            "reason",
            injury ? "INJURY" : "ILLNESS");
      }
      if (random.nextDouble() < 0.0025 * Math.exp(0.4 * risk)) {
        event(
            "SYN_HEALTH",
            "HEALTH",
            "HOSPITAL_ADMISSION",
            month.plusDays(random.nextInt(28)),
            random.nextDouble() < 0.3,
            false,
            null);
      }
      if (age >= 8 && random.nextDouble() < 0.0012 * Math.exp(0.8 * risk)) {
        LocalDate s = month.plusDays(random.nextInt(28));
        involvement(
            "SYN_HEALTH",
            "HEALTH",
            "CAMHS_TREATMENT",
            s,
            s.plusDays(90 + random.nextInt(300)),
            authority.team(Function.CAMHS, random),
            "needCodes",
            List.of("4A"));
        if (age >= 11 && random.nextDouble() < 0.3) {
          event(
              "SYN_HEALTH",
              "HEALTH",
              "SELF_HARM_PRESENTATION",
              s.minusDays(random.nextInt(20)),
              true,
              false,
              List.of("15A"));
        }
      }
    }

    void frontDoor(LocalDate month, double age) {
      double ageFactor = age < 1 ? 1.4 : age < 5 ? 0.9 : age < 10 ? 0.85 : 1.15;
      double recency =
          lastReferralClosed != null && month.isBefore(lastReferralClosed.plusMonths(12)) ? 3.5 : 1;
      double p = clamp(settings.contactRate() * hazard() * ageFactor * recency, 0, 0.6);
      if (random.nextDouble() >= p) {
        return;
      }
      LocalDate day = month.plusDays(random.nextInt(28));
      if (!day.isBefore(ref)) {
        return;
      }
      String source = referralSource(age);
      boolean socialCareOpen = day.isBefore(socialCareBusyUntil);
      boolean earlyHelpOpen = day.isBefore(earlyHelpBusyUntil);
      String decision;
      double u = random.nextDouble();
      double referral = clamp(0.24 + 0.09 * risk, 0.06, 0.7);
      if (socialCareOpen) {
        decision = "OPEN_CASE";
      } else if (u < referral) {
        decision = "REFERRAL";
      } else if (!earlyHelpOpen && u < referral + 0.3) {
        decision = "EARLY_HELP";
      } else if (u < referral + 0.3 + 0.3) {
        decision = "INFORMATION_AND_ADVICE";
      } else {
        decision = "NO_FURTHER_ACTION";
      }
      LocalDateTime received = day.atTime(7 + random.nextInt(12), random.nextInt(60));
      double hours = Math.exp(1.6 + 0.9 * family.gaussian());
      LocalDateTime decided = received.plusMinutes((long) (Math.min(hours, 96) * 60));
      String ledTo = null;
      if (decision.equals("REFERRAL")) {
        ledTo = referral(day, source);
      } else if (decision.equals("EARLY_HELP")) {
        ledTo = earlyHelp(day, "CONTACT");
      }
      if (covered("SYN_SOCIAL_CARE", day)) {
        String contactId = id("K", ++ids.contact, 9);
        batch.contacts.add(
            row(
                "record",
                record("SYN_SOCIAL_CARE", day),
                "ledTo",
                ledTo,
                "props",
                row(
                    "id",
                    contactId,
                    "childId",
                    id,
                    "receivedAt",
                    received,
                    "date",
                    day,
                    "source",
                    source,
                    "decision",
                    decision,
                    "decidedAt",
                    decided,
                    "service",
                    "SOCIAL_CARE",
                    "team",
                    authority.team(Function.FRONT_DOOR, random).id,
                    "synthetic",
                    true,
                    "sourceSystem",
                    "SYN_SOCIAL_CARE",
                    "sourceFile",
                    SOURCE_FILE,
                    "sourceRecord",
                    contactId)));
        tally.contacts++;
        if (inYear(day)) {
          tally.contactsInYear++;
        }
      }
    }

    String referralSource(double age) {
      if (age < 4) {
        return pick(
            random,
            new String[] {
              "6", "3A", "3B", "3E", "3F", "5A", "5D", "1A", "1B", "4", "7", "8", "9", "10"
            },
            new double[] {33, 6, 12, 6, 5, 8, 5, 3, 4, 2, 3, 7, 3, 3});
      }
      return pick(
          random,
          new String[] {
            "6", "2A", "2B", "3A", "3C", "3E", "3F", "5A", "5B", "5D", "1A", "1B", "1C", "4", "7",
            "8", "9", "10"
          },
          new double[] {34, 33, 3, 4, 3, 4, 4, 4, 3, 5, 2, 3, 2, 2, 3, 6, 2, 3});
    }

    List<String> factors(LocalDate day) {
      Set<String> f = new LinkedHashSet<>();
      double age = age(day);
      if (family.domesticAbuse && random.nextDouble() < 0.85) f.add("3B");
      if (family.domesticAbuse && random.nextDouble() < 0.4) f.add("3A");
      if (family.parentalMentalHealth && random.nextDouble() < 0.8) f.add("4B");
      if (family.substanceMisuse && random.nextDouble() < 0.8) f.add("2B");
      if (family.alcoholMisuse && random.nextDouble() < 0.8) f.add("1B");
      if (random.nextDouble() < 0.22 + 0.05 * risk) f.add("17A");
      if (random.nextDouble() < 0.18 + 0.05 * risk) f.add("16A");
      if (random.nextDouble() < 0.08) f.add("18B");
      if (random.nextDouble() < 0.08) f.add("6A");
      if (age >= 10 && random.nextDouble() < 0.22) f.add("4A");
      if (random.nextDouble() < 0.08) f.add("3C");
      if (age >= 11 && random.nextDouble() < 0.08) f.add("15A");
      if (age >= 11 && random.nextDouble() < 0.06) f.add(sex == 'F' ? "11A" : "24A");
      if (age >= 11 && random.nextDouble() < 0.08) f.add("10A");
      if (age >= 10 && random.nextDouble() < 0.06) f.add("14A");
      if (f.isEmpty()) f.add("21");
      return new ArrayList<>(f);
    }

    /** A referral to social care: the CIN episode and everything inside it. Returns its id. */
    String referral(LocalDate day, String source) {
      boolean reReferral = referrals.stream().anyMatch(r -> !r.isBefore(day.minusMonths(12)));
      if (lastEarlyHelpClosed != null && !day.isAfter(lastEarlyHelpClosed.plusMonths(12))) {
        tally.add(tally.referredWithin12MonthsOfEarlyHelp, lastEarlyHelpClosure);
        lastEarlyHelpClosed = null;
      }
      referrals.add(day);
      String primaryNeed =
          pick(
              random,
              new String[] {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"},
              new double[] {57, 9, 3, 10, 12, 2, 1, 4, 2});
      boolean nfa = random.nextDouble() < 0.08;
      if (inYear(day)) {
        tally.referralsInYear++;
        tally.add(tally.referralSourcesInYear, source);
        if (reReferral) tally.reReferralsInYear++;
        if (nfa) tally.nfaReferralsInYear++;
      }
      Team assessmentTeam = authority.team(Function.ASSESSMENT, random);
      if (nfa) {
        socialCareBusyUntil = day.plusDays(1);
        lastReferralClosed = day;
        markSocialCare(day, day);
        return involvement(
            "SYN_SOCIAL_CARE",
            "SOCIAL_CARE",
            "CIN_EPISODE",
            day,
            day,
            authority.team(Function.FRONT_DOOR, random),
            "referralSource",
            source,
            "primaryNeed",
            primaryNeed,
            "referralNfa",
            true,
            "closureReason",
            "RC8");
      }
      LocalDate assessStart = day.plusDays(random.nextInt(4));
      LocalDate assessEnd = assessStart.plusDays(8 + random.nextInt(50));
      List<String> factors = factors(day);
      boolean notInNeed = random.nextDouble() < clamp(0.46 - 0.1 * risk, 0.1, 0.7);
      if (inYear(assessEnd)) {
        tally.assessmentsInYear++;
        if (notInNeed) tally.notInNeedInYear++;
        if (factors.stream().anyMatch(f -> f.startsWith("3"))) tally.assessmentsWithDomesticAbuse++;
        if (factors.stream().anyMatch(f -> f.startsWith("4"))) tally.assessmentsWithMentalHealth++;
      }
      LocalDate close;
      String closure;
      List<Part> inside = new ArrayList<>();
      boolean stepDown = false;
      if (notInNeed) {
        close = assessEnd;
        stepDown = random.nextDouble() < 0.15;
        closure = stepDown ? "RC9" : "RC8";
      } else {
        LocalDate servicesEnd = assessEnd.plusDays(60 + random.nextInt(200));
        boolean s47 = random.nextDouble() < clamp(0.26 + 0.08 * risk, 0.08, 0.7);
        Team cpTeam = authority.team(Function.CHILD_PROTECTION, random);
        LocalDate lacStart = null;
        if (s47) {
          LocalDate s47Start = assessStart.plusDays(random.nextInt(10));
          LocalDate s47End = s47Start.plusDays(5 + random.nextInt(25));
          boolean cp = random.nextDouble() < clamp(0.34 + 0.08 * risk, 0.12, 0.75);
          inside.add(new Part("S47_ENQUIRY", s47Start, s47End, cp ? "ICPC" : "NO_ICPC"));
          if (cp) {
            LocalDate cpStart = s47End.plusDays(5 + random.nextInt(12));
            long months = Math.max(2, Math.round(Math.exp(2.0 + 0.6 * family.gaussian())));
            LocalDate cpEnd = cpStart.plusMonths(months).plusDays(random.nextInt(28));
            if (random.nextDouble() < clamp(0.16 + 0.04 * risk, 0.04, 0.45)) {
              lacStart =
                  cpStart.plusDays(
                      random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(cpStart, cpEnd))));
              cpEnd = lacStart;
            }
            String category =
                pick(
                    random,
                    new String[] {"NEG", "EMO", "PHY", "SAB", "MUL"},
                    new double[] {50, 37, 7, 4, 2});
            inside.add(new Part("CP_PLAN", cpStart, cpEnd, category));
            if (inYear(cpStart)) {
              tally.cpStartsInYear++;
              if (cpPlans > 0) tally.repeatCpStartsInYear++;
            }
            if (openAt(cpStart, cpEnd, ref)) tally.cpAtReference++;
            cpPlans++;
            servicesEnd = max(servicesEnd, cpEnd.plusDays(30 + random.nextInt(150)));
          }
        } else if (random.nextDouble() < 0.45) {
          LocalDate planEnd = assessEnd.plusDays(120 + random.nextInt(250));
          inside.add(new Part("CIN_PLAN", assessEnd, planEnd, null));
          servicesEnd = max(servicesEnd, planEnd);
        }
        if (lacStart == null && random.nextDouble() < clamp(0.018 * Math.exp(0.5 * risk), 0, 0.3)) {
          lacStart = assessStart.plusDays(random.nextInt(60));
        }
        closure = random.nextDouble() < 0.2 ? "RC9" : "RC7";
        stepDown = closure.equals("RC9");
        if (lacStart != null) {
          PeriodOfCare lac = lookedAfter(lacStart);
          LocalDate lacEnd = lac.end();
          inside.add(new Part("LAC_EPISODE", lacStart, lacEnd, lac.reasonEnded()));
          servicesEnd =
              lacEnd == null ? null : max(servicesEnd, lacEnd.plusDays(30 + random.nextInt(90)));
          closure =
              lac.reasonEnded() == null
                  ? "RC7"
                  : switch (lac.reasonEnded()) {
                    case "E11", "E12" -> "RC1";
                    case "E45", "E46" -> "RC4";
                    case "E41" -> "RC3";
                    default -> "RC7";
                  };
          stepDown = false;
        }
        close = servicesEnd;
      }
      LocalDate episodeEnd = close == null || close.isAfter(ref) ? null : close;
      markSocialCare(day, episodeEnd);
      if (episodeEnd == null) {
        tally.cinAtReference++;
      }
      String episode =
          involvement(
              "SYN_SOCIAL_CARE",
              "SOCIAL_CARE",
              "CIN_EPISODE",
              day,
              episodeEnd,
              assessmentTeam,
              "referralSource",
              source,
              "primaryNeed",
              primaryNeed,
              "referralNfa",
              false,
              "closureReason",
              episodeEnd == null ? null : closure);
      String assessment =
          involvement(
              "SYN_SOCIAL_CARE",
              "SOCIAL_CARE",
              "ASSESSMENT",
              assessStart,
              assessEnd.isAfter(ref) ? null : assessEnd,
              assessmentTeam,
              "needCodes",
              factors,
              "outcome",
              notInNeed ? "NOT_IN_NEED" : "IN_NEED");
      partOf(assessment, episode);
      Team cpTeam = authority.team(Function.CHILD_PROTECTION, random);
      for (Part part : inside) {
        LocalDate s = part.start();
        if (s.isAfter(ref)) continue;
        LocalDate e = part.end();
        String inv;
        switch (part.kind()) {
          case "CP_PLAN" ->
              inv =
                  involvement(
                      "SYN_SOCIAL_CARE",
                      "SOCIAL_CARE",
                      "CP_PLAN",
                      s,
                      e,
                      cpTeam,
                      "initialCategory",
                      part.detail(),
                      "latestCategory",
                      part.detail(),
                      "numberOfPreviousPlans",
                      cpPlans - 1);
          case "S47_ENQUIRY" ->
              inv =
                  involvement(
                      "SYN_SOCIAL_CARE",
                      "SOCIAL_CARE",
                      "S47_ENQUIRY",
                      s,
                      e,
                      cpTeam,
                      "outcome",
                      part.detail());
          case "LAC_EPISODE" -> {
            inv = null;
            writeLookedAfter(s, e, part.detail(), episode);
          }
          default -> inv = involvement("SYN_SOCIAL_CARE", "SOCIAL_CARE", part.kind(), s, e, cpTeam);
        }
        if (inv != null) partOf(inv, episode);
      }
      socialCareBusyUntil = close == null ? LocalDate.MAX : close;
      lastReferralClosed = close;
      if (stepDown && close != null && close.isBefore(ref)) {
        earlyHelp(close.plusDays(random.nextInt(14)), "STEP_DOWN");
      }
      risk += 0.05;
      return episode;
    }

    void markSocialCare(LocalDate start, LocalDate end) {
      if (!start.isAfter(ref) && (end == null || !end.isBefore(yearStart))) {
        inSocialCareInYear = true;
      }
    }

    void partOf(String part, String episode) {
      if (part != null && episode != null) {
        batch.partOf.add(row("part", part, "whole", episode));
      }
    }

    /** Decides how and when a period of care ends (end null: still looked after). */
    PeriodOfCare lookedAfter(LocalDate start) {
      lookedAfterEver = true;
      double age = age(start);
      double u = random.nextDouble();
      String reason;
      long days;
      if (age < 2 && u < 0.35) {
        reason = "E11";
        days = 500 + random.nextInt(400);
      } else if (u < 0.62) {
        reason = random.nextBoolean() ? "E13" : "E4A";
        days = exponentialDays(random, 240);
      } else if (u < 0.76) {
        reason = "E45";
        days = 400 + random.nextInt(600);
      } else if (u < 0.81) {
        reason = "E41";
        days = 300 + random.nextInt(500);
      } else {
        reason = null; // stays in care
        days = Long.MAX_VALUE / 4;
      }
      LocalDate end =
          start.plusDays(Math.min(days, ChronoUnit.DAYS.between(start, birth.plusYears(18))));
      if (!end.isBefore(birth.plusYears(18))) {
        reason = "E8";
      }
      return end.isAfter(ref) ? new PeriodOfCare(null, null) : new PeriodOfCare(end, reason);
    }

    void writeLookedAfter(LocalDate start, LocalDate end, String reason, String episode) {
      Team team = authority.team(Function.LOOKED_AFTER, random);
      double age = age(start);
      String legal =
          age < 1 && random.nextDouble() < 0.5
              ? "C1"
              : pick(
                  random,
                  new String[] {"V2", "C1", "C2", "L2", "L1", "E1"},
                  new double[] {40, 33, 8, 8, 6, 2});
      String lacId =
          involvement(
              "SYN_SOCIAL_CARE",
              "SOCIAL_CARE",
              "LAC_EPISODE",
              start,
              end,
              team,
              "legalStatus",
              legal,
              "reasonEnded",
              reason,
              "categoryOfNeed",
              "N1");
      partOf(lacId, episode);
      if (lacId == null) {
        return;
      }
      boolean openAtRef = end == null;
      if (openAtRef) {
        tally.lacAtReference++;
      }
      LocalDate stop = end == null ? ref : end;
      LocalDate s = start;
      int placementsInYear = 0;
      String type = null;
      String rne = "S";
      int number = 0;
      while (s.isBefore(stop)) {
        double a = age(s);
        type = placementType(a, reason, s, stop);
        double meanDays =
            (type.startsWith("K") || type.startsWith("H") ? 600 : 1100)
                / Math.exp(0.25 * Math.max(0, risk))
                * (a > 12 ? 0.8 : 1.2);
        LocalDate e = s.plusDays(exponentialDays(random, meanDays));
        boolean last = !e.isBefore(stop);
        if (last) e = end;
        String changeReason =
            last
                ? null
                : pick(
                    random,
                    new String[] {
                      "CARPL", "CREQB", "CREQO", "CHILD", "ALLEG", "STAND", "LAREQ", "PLACE",
                      "OTHER"
                    },
                    new double[] {35, 18, 10, 10, 3, 3, 8, 5, 8});
        String provider =
            type.startsWith("P1")
                ? "PR0"
                : pick(
                    random, new String[] {"PR1", "PR2", "PR4", "PR5"}, new double[] {55, 5, 35, 5});
        String placementId = id("PL", ++ids.placement, 9);
        batch.placements.add(
            row(
                "episode",
                lacId,
                "props",
                row(
                    "id",
                    placementId,
                    "childId",
                    id,
                    "placementType",
                    type,
                    "provider",
                    provider,
                    "start",
                    s,
                    "end",
                    e,
                    "reasonNewEpisode",
                    rne,
                    "reasonChanged",
                    changeReason,
                    "sequence",
                    ++number,
                    "postcode",
                    family.postcode,
                    "synthetic",
                    true,
                    "sourceSystem",
                    "SYN_SOCIAL_CARE",
                    "sourceFile",
                    SOURCE_FILE,
                    "sourceRecord",
                    placementId)));
        tally.placements++;
        if (openAt(s, e, yearStart) || inYear(s)) {
          placementsInYear++;
        }
        if (number > 1) {
          event(
              "SYN_SOCIAL_CARE",
              "SOCIAL_CARE",
              "PLACEMENT_MOVE",
              s,
              true,
              false,
              null,
              "placementType",
              type);
          risk += 0.08;
          placementMoves++;
        }
        missingEpisodes(s, e == null ? ref : e, type);
        if (random.nextDouble() < 0.3) {
          event(
              "SYN_SOCIAL_CARE",
              "SOCIAL_CARE",
              "POSITIVE_ACTIVITY",
              s.plusDays(random.nextInt(200)),
              false,
              true,
              null);
        }
        if (last) break;
        s = e;
        rne = "P";
      }
      if (openAtRef && type != null) {
        tally.add(tally.placementTypesAtReference, type);
        tally.lacInYear++;
        if (placementsInYear >= 3) tally.lacWith3PlacementsInYear++;
      }
    }

    String placementType(double age, String reason, LocalDate s, LocalDate stop) {
      if ("E11".equals(reason) && ChronoUnit.DAYS.between(s, stop) < 250) {
        return pick(random, new String[] {"A3", "A4", "A5", "A6"}, new double[] {20, 30, 20, 30});
      }
      if (age < 1) {
        return pick(
            random,
            new String[] {"U4", "U5", "U6", "U1", "U2", "R3"},
            new double[] {40, 20, 15, 10, 8, 7});
      }
      if (age < 12) {
        return pick(
            random,
            new String[] {"U4", "U5", "U6", "U1", "U2", "U3", "P1", "K2", "Z1"},
            new double[] {30, 14, 10, 10, 6, 4, 9, 12, 3});
      }
      if (age >= 16) {
        return pick(
            random,
            new String[] {"U4", "U5", "U6", "U1", "H5", "K2", "P1", "P2", "K1"},
            new double[] {18, 10, 6, 6, 30, 20, 5, 4, 1});
      }
      return pick(
          random,
          new String[] {"U4", "U5", "U6", "U1", "U2", "K2", "R1", "P1", "S1", "K1"},
          new double[] {20, 10, 7, 7, 4, 38, 4, 6, 3, 3});
    }

    void missingEpisodes(LocalDate from, LocalDate to, String type) {
      if (age(from) < 10) return;
      double monthly =
          0.015 * Math.exp(0.6 * risk) * (type.startsWith("K") || type.startsWith("H") ? 3 : 1);
      for (LocalDate m = from; m.isBefore(to); m = m.plusMonths(1)) {
        if (random.nextDouble() < monthly) {
          LocalDate d = m.plusDays(random.nextInt(28));
          event(
              "SYN_SOCIAL_CARE",
              "SOCIAL_CARE",
              "MISSING_EPISODE",
              d,
              true,
              false,
              List.of("10A"),
              "returned",
              d.plusDays(random.nextInt(4)));
          risk += 0.03;
        }
      }
    }

    /** An early help episode: assessment, then a plan that ends in one of four ways. */
    String earlyHelp(LocalDate day, String route) {
      if (day.isBefore(earlyHelpBusyUntil) || !day.isBefore(ref)) {
        return null;
      }
      Team team = authority.team(Function.EARLY_HELP, random);
      LocalDate assessEnd = day.plusDays(14 + random.nextInt(30));
      LocalDate planEnd = assessEnd.plusDays(90 + random.nextInt(200));
      double stepUpChance = clamp(0.11 + 0.06 * risk, 0.03, 0.4);
      double u = random.nextDouble();
      String closure =
          u < stepUpChance
              ? "STEP_UP_TO_SOCIAL_CARE"
              : u < stepUpChance + 0.5
                  ? "OUTCOMES_MET"
                  : u < stepUpChance + 0.8 ? "DISENGAGED" : "MOVED_OR_OTHER";
      earlyHelpBusyUntil = planEnd;
      if (!day.isAfter(ref) && !planEnd.isBefore(yearStart)) {
        inEarlyHelpInYear = true;
      }
      String assessment =
          involvement(
              "SYN_EARLY_HELP",
              "EARLY_HELP",
              "EARLY_HELP_ASSESSMENT",
              day,
              assessEnd,
              team,
              "route",
              route);
      String plan =
          involvement(
              "SYN_EARLY_HELP",
              "EARLY_HELP",
              "EARLY_HELP_PLAN",
              assessEnd,
              planEnd,
              team,
              "closureReason",
              planEnd.isAfter(ref) ? null : closure,
              "programme",
              random.nextDouble() < 0.3 ? "FAMILY_SUPPORT_PROGRAMME" : null);
      partOf(assessment, plan);
      if (random.nextDouble() < 0.35) {
        event(
            "SYN_EARLY_HELP",
            "EARLY_HELP",
            "TRUSTED_ADULT_IDENTIFIED",
            assessEnd.plusDays(random.nextInt(60)),
            false,
            true,
            null);
      }
      if (planEnd.isBefore(ref)) {
        if (inYear(planEnd)) {
          tally.earlyHelpClosuresInYear++;
          if (closure.equals("STEP_UP_TO_SOCIAL_CARE")) tally.earlyHelpStepUpsInYear++;
        }
        tally.add(tally.earlyHelpClosures, closure);
        if (!closure.equals("STEP_UP_TO_SOCIAL_CARE")) {
          lastEarlyHelpClosed = planEnd;
          lastEarlyHelpClosure = closure;
        }
        switch (closure) {
          case "OUTCOMES_MET" -> risk -= 0.5;
          case "DISENGAGED" -> risk += 0.25;
          case "STEP_UP_TO_SOCIAL_CARE" -> {
            if (!planEnd.isBefore(socialCareBusyUntil)) {
              referral(planEnd, "5D");
            }
          }
          default -> {}
        }
      }
      return assessment;
    }

    void youthJustice(LocalDate month, double age) {
      double ageFactor = age < 12 ? 0.3 : age < 14 ? 0.8 : 1.4;
      double p =
          settings.offenceRate()
              * hazard()
              * ageFactor
              * (sex == 'M' ? 1.7 : 0.45)
              * (excluded ? 2.5 : 1)
              * (lookedAfterEver ? 2 : 1)
              * (1 + 0.3 * placementMoves);
      if (random.nextDouble() >= clamp(p, 0, 0.3)) {
        return;
      }
      LocalDate day = month.plusDays(random.nextInt(28));
      if (!day.isBefore(ref)) return;
      event("SYN_POLICE", "POLICE", "ARREST", day, false, false, null);
      Team team = authority.team(Function.YOUTH_JUSTICE, random);
      boolean court = random.nextDouble() < (offences == 0 ? 0.35 : 0.6);
      if (offences == 0 && inYear(day)) {
        tally.firstTimeEntrantsInYear++;
      }
      offences++;
      risk += 0.15;
      LocalDate start = day.plusDays(10 + random.nextInt(50));
      if (!court) {
        LocalDate end = start.plusDays(60 + random.nextInt(60));
        involvement(
            "SYN_YOUTH_JUSTICE",
            "YOUTH_JUSTICE",
            "YOT_OUT_OF_COURT",
            start,
            end,
            team,
            "outcome",
            random.nextBoolean() ? "YOUTH_CAUTION" : "YOUTH_CONDITIONAL_CAUTION");
        youthJusticeBusyUntil = end;
      } else if (offences > 2 && random.nextDouble() < 0.12) {
        LocalDate end = start.plusDays(90 + random.nextInt(200));
        involvement(
            "SYN_YOUTH_JUSTICE",
            "YOUTH_JUSTICE",
            "YOT_CUSTODY",
            start,
            end,
            team,
            "outcome",
            "DETENTION_AND_TRAINING_ORDER");
        event("SYN_YOUTH_JUSTICE", "YOUTH_JUSTICE", "CUSTODY", start, true, false, null);
        youthJusticeBusyUntil = end;
      } else {
        LocalDate end = start.plusDays(180 + random.nextInt(200));
        involvement(
            "SYN_YOUTH_JUSTICE",
            "YOUTH_JUSTICE",
            "YOT_COURT_ORDER",
            start,
            end,
            team,
            "outcome",
            offences == 1 ? "REFERRAL_ORDER" : "YOUTH_REHABILITATION_ORDER");
        youthJusticeBusyUntil = end;
      }
    }
  }
}
