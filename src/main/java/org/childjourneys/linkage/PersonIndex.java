package org.childjourneys.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The children already known, filed under blocking keys so an incoming record is compared with a
 * handful of candidates instead of everyone: birth date with the family name's sound, birth date
 * with the given name's sound (catches a changed family name), birth year with both sounds (catches
 * a wrong birth date), and birth year with the postcode. Also the strong identifiers (NHS number,
 * UPN) and value frequencies for term-frequency weights. In memory: about 1.5 KB of heap per
 * record. Not thread-safe: one import links at a time.
 */
public final class PersonIndex implements MatchModel.Frequencies {

  /** Block key to one record, or to an array of them (most keys hold one or two). */
  private final Map<String, Object> blocks = new HashMap<>();

  private final Map<String, String> personOfIdentifier = new HashMap<>();
  private final Map<String, int[]> givenCounts = new HashMap<>();
  private final Map<String, int[]> familyCounts = new HashMap<>();
  private final Map<String, int[]> postcodeCounts = new HashMap<>();
  private final Set<String> persons = new HashSet<>();

  /** People whose records must never be linked by matching: adopted or restricted. */
  private final Set<String> protectedPersons = new HashSet<>();

  private int records;

  public void add(IndexedRecord r) {
    records++;
    persons.add(r.personId);
    if (r.record.adopted() || r.record.restricted()) {
      protectedPersons.add(r.personId);
    }
    for (String key : blockKeys(r)) {
      Object held = blocks.get(key);
      if (held == null) {
        blocks.put(key, r);
      } else if (held instanceof IndexedRecord one) {
        blocks.put(key, new IndexedRecord[] {one, r});
      } else {
        IndexedRecord[] many = (IndexedRecord[]) held;
        IndexedRecord[] more = Arrays.copyOf(many, many.length + 1);
        more[many.length] = r;
        blocks.put(key, more);
      }
    }
    if (!r.record.adopted() && !r.record.restricted()) {
      if (r.record.nhsNumber() != null) {
        personOfIdentifier.putIfAbsent("NHS:" + r.record.nhsNumber(), r.personId);
      }
      if (r.record.upn() != null) {
        personOfIdentifier.putIfAbsent("UPN:" + r.record.upn(), r.personId);
      }
    }
    count(givenCounts, r.given);
    count(familyCounts, r.family);
    count(postcodeCounts, r.postcode);
  }

  /** The records sharing a block with this one, each once. */
  List<IndexedRecord> candidates(IndexedRecord r) {
    List<IndexedRecord> found = new ArrayList<>();
    Set<IndexedRecord> seen = new HashSet<>();
    for (String key : blockKeys(r)) {
      Object held = blocks.get(key);
      if (held instanceof IndexedRecord one) {
        if (seen.add(one)) {
          found.add(one);
        }
      } else if (held != null) {
        for (IndexedRecord one : (IndexedRecord[]) held) {
          if (seen.add(one)) {
            found.add(one);
          }
        }
      }
    }
    return found;
  }

  /** The person a strong identifier already belongs to, or null. */
  String personOf(String scheme, String value) {
    return value == null ? null : personOfIdentifier.get(scheme + ":" + value);
  }

  boolean isProtected(String personId) {
    return protectedPersons.contains(personId);
  }

  public int records() {
    return records;
  }

  public int persons() {
    return persons.size();
  }

  @Override
  public double givenName(String normal) {
    return frequency(givenCounts, normal);
  }

  @Override
  public double familyName(String normal) {
    return frequency(familyCounts, normal);
  }

  @Override
  public double postcode(String normal) {
    return frequency(postcodeCounts, normal);
  }

  /**
   * The share of records holding this value, at least one in the records indexed (and never more
   * certain than one in 1,000 while the index is small, so a new database does not over-trust the
   * first names it sees).
   */
  private double frequency(Map<String, int[]> counts, String value) {
    int[] c = counts.get(value);
    int n = c == null ? 1 : Math.max(1, c[0]);
    return Math.min(0.5, (double) n / Math.max(records, 1000));
  }

  private static void count(Map<String, int[]> counts, String value) {
    if (value != null) {
      counts.computeIfAbsent(value, k -> new int[1])[0]++;
    }
  }

  private static List<String> blockKeys(IndexedRecord r) {
    List<String> keys = new ArrayList<>(6);
    String dob = r.birthDate() == null ? null : r.birthDate().toString();
    String year = dob == null ? "?" : dob.substring(0, 4);
    if (dob != null && !r.familyCode.isEmpty()) {
      keys.add("d|" + dob + "|" + r.familyCode);
    }
    for (String code : r.givenFormCodes) {
      if (dob != null) {
        keys.add("g|" + dob + "|" + code);
      }
      if (!r.familyCode.isEmpty()) {
        keys.add("n|" + year + "|" + r.familyCode + "|" + code);
      }
    }
    if (r.postcodeFull) {
      keys.add("p|" + year + "|" + r.postcode); // a wrong birth date and a changed name at once
    }
    return keys;
  }
}
