package org.childjourneys.synthetic;

import static org.childjourneys.synthetic.GraphBatch.row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fixed part of a synthetic authority: areas, organisations, teams and their staff over time.
 * Sized from the number of children so a 1k and a 1M authority both look plausible.
 */
final class AuthorityStructure {

  static final String LA_CODE = "999";
  static final String LA_NAME = "Synthetic Borough Council";

  /** What a team does; journeys pick teams by function. */
  enum Function {
    FRONT_DOOR("SOCIAL_CARE", "Front door (MASH)", "Social worker", 8, 3.0),
    ASSESSMENT("SOCIAL_CARE", "Assessment team", "Social worker", 8, 2.5),
    CHILD_PROTECTION("SOCIAL_CARE", "Child in need and protection team", "Social worker", 8, 2.5),
    LOOKED_AFTER("SOCIAL_CARE", "Children looked after team", "Social worker", 8, 3.0),
    EARLY_HELP("EARLY_HELP", "Early help locality team", "Early help practitioner", 8, 4.0),
    YOUTH_JUSTICE("YOUTH_JUSTICE", "Youth justice service", "Youth justice officer", 8, 4.0),
    SEND("SEND_NEET", "SEND assessment and review team", "SEND caseworker", 6, 4.0),
    NEET("SEND_NEET", "Participation and NEET team", "Personal adviser", 5, 4.0),
    HEALTH_VISITING("UNIVERSAL", "Health visiting team", "Health visitor", 8, 6.0),
    CHILDRENS_CENTRE("UNIVERSAL", "Children's centre", "Family support worker", 5, 5.0),
    CAMHS("HEALTH", "Children and young people's mental health service", "Clinician", 6, 5.0),
    EMERGENCY_DEPARTMENT("HEALTH", "Paediatric emergency department", "Paediatrician", 6, 5.0),
    GP("HEALTH", "General practice", "GP", 4, 8.0),
    POLICE("POLICE", "Public protection unit", "Police officer", 8, 5.0),
    HOUSING("HOUSING", "Housing options team", "Housing officer", 6, 5.0),
    SCHOOL("EDUCATION", "Pastoral team", "Designated safeguarding lead", 6, 7.0);

    final String service;
    final String teamName;
    final String role;
    final int staff;
    final double meanTenureYears;

    Function(String service, String teamName, String role, int staff, double meanTenureYears) {
      this.service = service;
      this.teamName = teamName;
      this.role = role;
      this.staff = staff;
      this.meanTenureYears = meanTenureYears;
    }
  }

  record Lsoa(String code, String wardCode, int imdDecile, List<String> postcodes) {}

  /** A team with staffing slots; each slot holds a succession of professionals over time. */
  static final class Team {
    final String id;
    final Function function;
    final String organisationId;
    final List<List<Tenure>> slots = new ArrayList<>();

    Team(String id, Function function, String organisationId) {
      this.id = id;
      this.function = function;
      this.organisationId = organisationId;
    }

    /** A professional working in the team on the given day. */
    Tenure staffOn(LocalDate day, SplittableRandom random) {
      List<Tenure> slot = slots.get(random.nextInt(slots.size()));
      for (Tenure t : slot) {
        if (!day.isBefore(t.from) && (t.to == null || day.isBefore(t.to))) {
          return t;
        }
      }
      return slot.get(slot.size() - 1);
    }
  }

  record Tenure(String professionalId, LocalDate from, LocalDate to) {}

  record School(String organisationId, Team team, String phase, int urn) {}

  final List<Lsoa> lsoas = new ArrayList<>();
  final Map<Function, List<Team>> teams = new EnumMap<>(Function.class);
  final List<School> primaries = new ArrayList<>();
  final List<School> secondaries = new ArrayList<>();
  final List<School> colleges = new ArrayList<>();
  School pupilReferralUnit;
  final List<Map<String, Object>> organisationRows = new ArrayList<>();
  final List<Map<String, Object>> areaRows = new ArrayList<>();
  final List<Map<String, Object>> teamRows = new ArrayList<>();
  final List<Map<String, Object>> professionalRows = new ArrayList<>();
  int professionalCount;

  private final SplittableRandom random;
  private final LocalDate staffFrom;
  private final LocalDate referenceDate;

  AuthorityStructure(int children, long seed, LocalDate windowStart, LocalDate referenceDate) {
    this.random = new SplittableRandom(seed * 31 + 7);
    this.staffFrom = windowStart.minusYears(6);
    this.referenceDate = referenceDate;
    organisation("LA-" + LA_CODE, LA_NAME, "LOCAL_AUTHORITY", LA_CODE);
    organisation("NHS-RSY", "Synthetic Community Health NHS Trust", "NHS_TRUST", "RSY");
    organisation("NHS-RSZ", "Synthetic Hospitals NHS Foundation Trust", "NHS_TRUST", "RSZ");
    organisation("POLICE-SYN", "Synthetic Constabulary", "POLICE_FORCE", "99");
    organisation("HOUSING-SYN", "Synthetic Homes", "HOUSING_PROVIDER", "H99");
    buildAreas(children);
    String la = "LA-" + LA_CODE;
    teams(Function.FRONT_DOOR, la, 1);
    teams(Function.ASSESSMENT, la, 1 + children / 15000);
    teams(Function.CHILD_PROTECTION, la, 1 + children / 12000);
    teams(Function.LOOKED_AFTER, la, 1 + children / 25000);
    teams(Function.EARLY_HELP, la, 1 + children / 10000);
    teams(Function.YOUTH_JUSTICE, la, 1 + children / 60000);
    teams(Function.SEND, la, 1 + children / 40000);
    teams(Function.NEET, la, 1 + children / 60000);
    teams(Function.CHILDRENS_CENTRE, la, 1 + children / 20000);
    teams(Function.HEALTH_VISITING, "NHS-RSY", 1 + children / 20000);
    teams(Function.CAMHS, "NHS-RSY", 1 + children / 50000);
    teams(Function.EMERGENCY_DEPARTMENT, "NHS-RSZ", 1);
    teams(Function.POLICE, "POLICE-SYN", 1 + children / 50000);
    teams(Function.HOUSING, "HOUSING-SYN", 1 + children / 50000);
    int practices = Math.max(2, children / 2000);
    for (int i = 1; i <= practices; i++) {
      String id = "GP-Y" + String.format("%05d", i);
      organisation(
          id, "Synthetic Medical Practice " + i, "GP_PRACTICE", "Y" + String.format("%05d", i));
      team(Function.GP, id, "Synthetic Medical Practice " + i);
    }
    int primaryCount = Math.max(2, (int) Math.round(children * 0.39 / 280));
    int secondaryCount = Math.max(1, (int) Math.round(children * 0.28 / 1000));
    int collegeCount = Math.max(1, children / 60000);
    int urn = 900000;
    for (int i = 1; i <= primaryCount; i++) {
      primaries.add(school(++urn, "Synthetic Primary School " + i, "PRIMARY"));
    }
    for (int i = 1; i <= secondaryCount; i++) {
      secondaries.add(school(++urn, "Synthetic Academy " + i, "SECONDARY"));
    }
    for (int i = 1; i <= collegeCount; i++) {
      colleges.add(school(++urn, "Synthetic Sixth Form College " + i, "SIXTEEN_PLUS"));
    }
    pupilReferralUnit = school(++urn, "Synthetic Pupil Referral Unit", "ALTERNATIVE_PROVISION");
  }

  Team team(Function function, SplittableRandom random) {
    List<Team> list = teams.get(function);
    return list.get(random.nextInt(list.size()));
  }

  Lsoa lsoa(SplittableRandom random) {
    return lsoas.get(random.nextInt(lsoas.size()));
  }

  private void buildAreas(int children) {
    int wards = Math.max(4, children / 5000);
    int lsoaCount = Math.max(8, children / 330);
    areaRows.add(
        row("code", "X06000999", "name", LA_NAME, "kind", "LOCAL_AUTHORITY", "parent", null));
    int[] wardDecile = new int[wards];
    for (int w = 0; w < wards; w++) {
      wardDecile[w] = 1 + random.nextInt(10);
      areaRows.add(
          row(
              "code",
              wardCode(w),
              "name",
              "Synthetic Ward " + (w + 1),
              "kind",
              "WARD",
              "parent",
              "X06000999"));
    }
    for (int i = 0; i < lsoaCount; i++) {
      int w = i % wards;
      // Deprivation clusters by ward; England's deciles are equal-sized, ours skew poorer
      // as children's services populations do.
      int decile = Math.max(1, Math.min(10, wardDecile[w] + random.nextInt(5) - 3));
      String code = String.format("X01%06d", i + 1);
      List<String> postcodes = new ArrayList<>();
      for (int p = 0; p < 4; p++) {
        postcodes.add(
            "SY"
                + (w + 1)
                + " "
                + (1 + random.nextInt(9))
                + (char) ('A' + random.nextInt(26))
                + (char) ('A' + random.nextInt(26)));
      }
      lsoas.add(new Lsoa(code, wardCode(w), decile, postcodes));
      areaRows.add(
          row(
              "code",
              code,
              "name",
              "Synthetic " + String.format("%03d", i + 1),
              "kind",
              "LSOA",
              "parent",
              wardCode(w),
              "imdDecile",
              decile));
    }
  }

  private static String wardCode(int w) {
    return String.format("X05%06d", w + 1);
  }

  private void organisation(String id, String name, String kind, String code) {
    organisationRows.add(row("id", id, "name", name, "kind", kind, "code", code));
  }

  private School school(int urn, String name, String phase) {
    String id = "URN-" + urn;
    organisationRows.add(
        row(
            "id",
            id,
            "name",
            name,
            "kind",
            "SCHOOL",
            "code",
            String.valueOf(urn),
            "urn",
            urn,
            "phase",
            phase));
    Team team = team(Function.SCHOOL, id, name);
    return new School(id, team, phase, urn);
  }

  private void teams(Function function, String organisationId, int count) {
    for (int i = 1; i <= count; i++) {
      team(function, organisationId, function.teamName + (count > 1 ? " " + i : ""));
    }
  }

  private Team team(Function function, String organisationId, String name) {
    String id = "T" + String.format("%05d", teamRows.size() + 1);
    Team team = new Team(id, function, organisationId);
    String email = name.toLowerCase().replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
    teamRows.add(
        row(
            "id",
            id,
            "name",
            name,
            "service",
            function.service,
            "organisation",
            organisationId,
            "email",
            email + "@synthetic.example",
            "phone",
            phone()));
    for (int s = 0; s < function.staff; s++) {
      List<Tenure> slot = new ArrayList<>();
      LocalDate from = staffFrom.minusDays(random.nextInt(3650));
      while (from.isBefore(referenceDate)) {
        long days = (long) (-Math.log(1 - random.nextDouble()) * function.meanTenureYears * 365);
        LocalDate to = from.plusDays(Math.max(90, days));
        if (!to.isBefore(referenceDate)) {
          to = null;
        }
        String professionalId = professional(function, team, from, to);
        slot.add(new Tenure(professionalId, from, to));
        if (to == null) {
          break;
        }
        from = to;
      }
      team.slots.add(slot);
    }
    teams.computeIfAbsent(function, f -> new ArrayList<>()).add(team);
    return team;
  }

  private String professional(Function function, Team team, LocalDate from, LocalDate to) {
    String id = "P" + String.format("%06d", ++professionalCount);
    Names.Tradition tradition = Names.tradition(random);
    char sex = random.nextInt(10) < 7 ? 'F' : 'M';
    String given = Names.givenName(tradition, sex, random);
    String family = Names.skewed(tradition.familyNames(), random);
    String domain =
        switch (function.service) {
          case "HEALTH", "UNIVERSAL" ->
              function == Function.CHILDRENS_CENTRE
                  ? "synthetic-council.example"
                  : "nhs-synthetic.example";
          case "POLICE" -> "police-synthetic.example";
          case "HOUSING" -> "synthetic-homes.example";
          case "EDUCATION" -> "school-" + team.organisationId.toLowerCase() + ".example";
          default -> "synthetic-council.example";
        };
    professionalRows.add(
        row(
            "id",
            id,
            "name",
            given + " " + family,
            "role",
            function.role,
            "email",
            (given + "." + family).toLowerCase().replaceAll("[^a-z.]", "") + "@" + domain,
            "phone",
            phone(),
            "team",
            team.id,
            "from",
            from,
            "to",
            to));
    return id;
  }

  /** Ofcom's ranges reserved for drama, so no real person is ever rung. */
  private String phone() {
    return random.nextBoolean()
        ? "01632 960" + String.format("%03d", random.nextInt(1000))
        : "07700 900" + String.format("%03d", random.nextInt(1000));
  }
}
