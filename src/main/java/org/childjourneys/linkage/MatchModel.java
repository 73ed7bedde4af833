package org.childjourneys.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Fellegi-Sunter comparison of two child records. Each field agrees at a level; each level carries
 * a weight log2(m/u), where m is the chance of that level for two records of the same child and u
 * for two different children. The m and u values are configured (docs/linkage.md explains each);
 * exact name and postcode agreement use term frequencies from the index instead of a fixed u, so
 * two Smiths agreeing count for less than two Wojciechowskas.
 *
 * <p>Fellegi-Sunter assumes fields are independent, which twins and siblings break (same birth
 * date, family name and postcode). So some disagreements cap the outcome at review however high the
 * total: a different given name, a different birth date, different NHS numbers or UPNs.
 */
final class MatchModel {

  /** Birth dates spread over 18 years of children: the chance two children share one. */
  private static final double U_SAME_BIRTH_DATE = 1.0 / (18 * 365.25);

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

  /**
   * The comparison of two records: total weight, evidence, and a cap when a disagreement limits the
   * outcome whatever the weight (why, and whether review or a new person is the most).
   */
  record Comparison(double weight, List<FieldEvidence> evidence, String cap, boolean neverLink) {}

  /** Frequencies of values among indexed records, for exact-agreement u probabilities. */
  interface Frequencies {
    double givenName(String normal);

    double familyName(String normal);

    double postcode(String normal);
  }

  Comparison compare(IndexedRecord in, IndexedRecord ex, Frequencies tf) {
    List<FieldEvidence> evidence = new ArrayList<>(8);
    evidence.add(given(in, ex, tf));
    evidence.add(family(in, ex, tf));
    evidence.add(birthDate(in.birthDate(), ex.birthDate()));
    evidence.add(sex(in.record.sex(), ex.record.sex()));
    evidence.add(postcode(in, ex, tf));
    for (String[] id :
        new String[][] {
          {"nhsNumber", in.record.nhsNumber(), ex.record.nhsNumber()},
          {"upn", in.record.upn(), ex.record.upn()}
        }) {
      if (id[1] != null && id[2] != null) {
        boolean same = id[1].equals(id[2]);
        double w = same ? weight(0.99, 1e-7) : weight(0.002, 1.0);
        evidence.add(new FieldEvidence(id[0], id[1], id[2], same ? "EXACT" : "DIFFERENT", w));
      }
    }
    return judge(evidence);
  }

  /**
   * A person known by several records is compared field by field with the closest of them: the
   * postcode of a previous address or the name a school uses is then evidence, not disagreement.
   */
  static Comparison combine(List<Comparison> ofOnePerson) {
    if (ofOnePerson.size() == 1) {
      return ofOnePerson.get(0);
    }
    java.util.Map<String, FieldEvidence> best = new java.util.LinkedHashMap<>();
    for (Comparison c : ofOnePerson) {
      for (FieldEvidence f : c.evidence()) {
        FieldEvidence held = best.get(f.field());
        if (held == null || f.weight() > held.weight()) {
          best.put(f.field(), f);
        }
      }
    }
    return judge(new ArrayList<>(best.values()));
  }

  /** The total weight, and the caps the disagreements impose. */
  private static Comparison judge(List<FieldEvidence> evidence) {
    double total = 0;
    String cap = null;
    boolean neverLink = false;
    FieldEvidence given = null;
    FieldEvidence birth = null;
    for (FieldEvidence f : evidence) {
      total += f.weight();
      switch (f.field()) {
        case "givenName" -> given = f;
        case "birthDate" -> birth = f;
        case "nhsNumber", "upn" -> {
          if (f.level().equals("DIFFERENT")) {
            cap = "different " + f.field() + "s";
          }
        }
        default -> {}
      }
    }
    if (birth != null && birth.level().equals("DIFFERENT")) {
      // Years apart is a parent and child or siblings sharing a name, not a slip of the keyboard.
      neverLink =
          Math.abs(
                  LocalDate.parse(birth.incoming()).getYear()
                      - LocalDate.parse(birth.existing()).getYear())
              >= 2;
      cap = neverLink ? "birth dates years apart" : "birth dates differ";
    }
    if (given != null && given.level().equals("DIFFERENT")) {
      // The signature of twins and siblings, who share birth date, family name and address.
      boolean sameBirthDate = birth != null && birth.level().equals("EXACT");
      neverLink |= sameBirthDate;
      cap =
          sameBirthDate
              ? "same birth date but a different given name: twins or siblings"
              : "given names differ";
    }
    return new Comparison(total, evidence, cap, neverLink);
  }

  private static FieldEvidence given(IndexedRecord in, IndexedRecord ex, Frequencies tf) {
    String a = in.given;
    String b = ex.given;
    String field = "givenName";
    if (a == null || b == null) {
      return missing(field, in.record.givenName(), ex.record.givenName());
    }
    String level;
    double w;
    if (a.equals(b)) {
      level = "EXACT";
      w = weight(0.82, tf.givenName(a));
    } else if (NameKnowledge.nicknames(a, b)) {
      level = "NICKNAME";
      w = weight(0.08, 0.002);
    } else if (typo(a, b)) {
      level = "TYPO";
      w = weight(0.04, 0.003);
    } else if (!in.givenCode.isEmpty() && in.givenCode.equals(ex.givenCode)) {
      level = "PHONETIC";
      w = weight(0.02, 0.01);
    } else {
      level = "DIFFERENT";
      w = weight(0.04, 0.97);
    }
    return new FieldEvidence(field, in.record.givenName(), ex.record.givenName(), level, w);
  }

  private static FieldEvidence family(IndexedRecord in, IndexedRecord ex, Frequencies tf) {
    String a = in.family;
    String b = ex.family;
    String field = "familyName";
    if (a == null || b == null) {
      return missing(field, in.record.familyName(), ex.record.familyName());
    }
    String level;
    double w;
    if (a.equals(b)) {
      level = "EXACT";
      w = weight(0.88, tf.familyName(a));
    } else if (changedForm(a, b)) {
      level = "CHANGED_FORM";
      w = weight(0.02, 0.001);
    } else if (typo(a, b)) {
      level = "TYPO";
      w = weight(0.04, 0.002);
    } else if (!in.familyCode.isEmpty() && in.familyCode.equals(ex.familyCode)) {
      level = "PHONETIC";
      w = weight(0.01, 0.005);
    } else {
      level = "DIFFERENT";
      w = weight(0.05, 0.98);
    }
    return new FieldEvidence(field, in.record.familyName(), ex.record.familyName(), level, w);
  }

  /**
   * A one-character slip: one insertion, deletion or substitution, two neighbouring letters
   * swapped, or a difference Jaro-Winkler scores as near-identical.
   */
  static boolean typo(String a, String b) {
    if (Math.min(a.length(), b.length()) < 3) {
      return false;
    }
    return ONE_EDIT.apply(a, b) >= 0 || swapped(a, b) || JARO_WINKLER.apply(a, b) >= 0.94;
  }

  private static boolean swapped(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int i = 0;
    while (i < a.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i + 1 < a.length()
        && a.charAt(i) == b.charAt(i + 1)
        && a.charAt(i + 1) == b.charAt(i)
        && a.substring(i + 2).equals(b.substring(i + 2));
  }

  /**
   * The same family name in another form: one half of a double-barrelled name, or the other gender
   * of a Polish (and similar) name: Kowalski/Kowalska, Nowicki/Nowicka.
   */
  static boolean changedForm(String a, String b) {
    if (a.contains("-") || b.contains("-")) {
      for (String part : (a.contains("-") ? a : b).split("-")) {
        if (part.equals(a.contains("-") ? b : a)) {
          return true;
        }
      }
    }
    return genderNeutral(a).equals(genderNeutral(b)) && !a.equals(b);
  }

  private static String genderNeutral(String name) {
    if (name.endsWith("ska") || name.endsWith("cka") || name.endsWith("dzka")) {
      return name.substring(0, name.length() - 1) + "i";
    }
    if (name.endsWith("owa")) {
      return name.substring(0, name.length() - 1);
    }
    return name;
  }

  static FieldEvidence birthDate(LocalDate a, LocalDate b) {
    String field = "birthDate";
    if (a == null || b == null) {
      return missing(field, a, b);
    }
    String level;
    double w;
    if (a.equals(b)) {
      level = "EXACT";
      w = weight(0.96, U_SAME_BIRTH_DATE);
    } else if (a.getYear() == b.getYear()
        && a.getMonthValue() == b.getDayOfMonth()
        && a.getDayOfMonth() == b.getMonthValue()) {
      level = "DAY_MONTH_SWAPPED";
      w = weight(0.015, U_SAME_BIRTH_DATE);
    } else if (digitsDiffering(a, b) == 1) {
      level = "ONE_DIGIT";
      w = weight(0.015, 20 * U_SAME_BIRTH_DATE);
    } else {
      level = "DIFFERENT";
      w = weight(0.01, 1.0);
    }
    return new FieldEvidence(field, a.toString(), b.toString(), level, w);
  }

  private static int digitsDiffering(LocalDate a, LocalDate b) {
    String x = a.toString();
    String y = b.toString();
    int n = 0;
    for (int i = 0; i < x.length(); i++) {
      if (x.charAt(i) != y.charAt(i)) {
        n++;
      }
    }
    return n;
  }

  private static FieldEvidence sex(String a, String b) {
    if (a == null || b == null || a.equals("U") || b.equals("U")) {
      return missing("sex", a, b);
    }
    boolean same = a.equals(b);
    return new FieldEvidence(
        "sex", a, b, same ? "EXACT" : "DIFFERENT", same ? weight(0.98, 0.5) : weight(0.01, 0.5));
  }

  /**
   * Full postcodes agree exactly, in sector ("AB1 2") or in district ("AB1"); a partial postcode
   * (SSDA903 holds home postcodes to sector) agrees at most in sector.
   */
  static FieldEvidence postcode(IndexedRecord in, IndexedRecord ex, Frequencies tf) {
    String field = "postcode";
    String a = in.postcode;
    String b = ex.postcode;
    if (a == null || b == null) {
      return missing(field, a, b);
    }
    String level;
    double w;
    if (in.postcodeFull && ex.postcodeFull && a.equals(b)) {
      level = "EXACT";
      w = weight(0.75, tf.postcode(a));
    } else if (in.postcodeSector.equals(ex.postcodeSector)) {
      level = "SECTOR";
      w = weight(0.03, 0.01);
    } else if (in.postcodeDistrict.equals(ex.postcodeDistrict)) {
      level = "DISTRICT";
      w = weight(0.1, 0.06);
    } else {
      level = "DIFFERENT";
      w = weight(0.12, 0.93);
    }
    return new FieldEvidence(field, a, b, level, w);
  }

  private static FieldEvidence missing(String field, Object a, Object b) {
    return new FieldEvidence(
        field, a == null ? null : a.toString(), b == null ? null : b.toString(), "MISSING", 0);
  }

  static double weight(double m, double u) {
    return Math.log(m / u) / Math.log(2);
  }
}
