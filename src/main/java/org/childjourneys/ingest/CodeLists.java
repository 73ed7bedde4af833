package org.childjourneys.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/**
 * The statutory code lists ({@code import/codes/code-lists.csv}), versioned by collection year: a
 * code is valid for the years between its from_year and to_year (the year of the collection's 31
 * March reference date), so a 2021 return is checked against the codes of 2021.
 */
final class CodeLists {

  private record Entry(String code, String label, int from, int to) {}

  private static final Map<String, List<Entry>> LISTS = load();

  private CodeLists() {}

  /** Whether the code is on the list in the collection year. */
  static boolean valid(String list, String code, int year) {
    return label(list, code, year) != null;
  }

  static String label(String list, String code, int year) {
    List<Entry> entries = LISTS.get(list);
    if (entries == null) {
      throw new IllegalArgumentException("No code list " + list);
    }
    for (Entry e : entries) {
      if (e.code().equals(code) && year >= e.from() && year <= e.to()) {
        return e.label();
      }
    }
    return null;
  }

  /** A message for a code not on the list, naming the list and year. */
  static String unknown(String list, String code, int year) {
    for (Entry e : LISTS.getOrDefault(list, List.of())) {
      if (e.code().equals(code)) {
        return "code "
            + code
            + " is not valid for the "
            + year
            + " collection (valid "
            + (e.from() == Integer.MIN_VALUE ? "" : "from " + e.from())
            + (e.to() == Integer.MAX_VALUE ? "" : " to " + e.to())
            + ")";
      }
    }
    return "unknown code " + code + " (list " + list + ")";
  }

  private static Map<String, List<Entry>> load() {
    Map<String, List<Entry>> lists = new HashMap<>();
    ClassPathResource resource = new ClassPathResource("codes/code-lists.csv");
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        lists
            .computeIfAbsent(r.get("list"), k -> new ArrayList<>())
            .add(
                new Entry(
                    r.get("code"),
                    r.get("label"),
                    r.get("from_year").isBlank()
                        ? Integer.MIN_VALUE
                        : Integer.parseInt(r.get("from_year")),
                    r.get("to_year").isBlank()
                        ? Integer.MAX_VALUE
                        : Integer.parseInt(r.get("to_year"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the code lists codes/code-lists.csv", e);
    }
    return Map.copyOf(lists);
  }
}
