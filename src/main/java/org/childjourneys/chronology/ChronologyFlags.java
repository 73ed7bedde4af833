package org.childjourneys.chronology;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The mapping from source codes to chronology flags ({@code chronology/flags.csv}, replaceable with
 * {@code childjourneys.chronology.flags}): an item's kind, need codes or abuse category may mark it
 * traumatic, a strength or a need.
 */
@Component
class ChronologyFlags {

  enum Match {
    KIND,
    NEED_CODE,
    CATEGORY
  }

  record Rule(Match match, String value, String flag, String label) {}

  static final Set<String> FLAGS = Set.of("TRAUMATIC", "STRENGTH", "NEED");

  private final List<Rule> rules;

  ChronologyFlags(
      @Value("${childjourneys.chronology.flags:classpath:chronology/flags.csv}") Resource file) {
    this.rules = read(file);
  }

  /** The flags the mapping gives an item with this kind, need codes and categories. */
  List<ChronologyItem.Flag> flags(String kind, List<String> needCodes, List<String> categories) {
    List<ChronologyItem.Flag> flags = new ArrayList<>();
    for (Rule r : rules) {
      boolean hit =
          switch (r.match()) {
            case KIND -> r.value().equals(kind);
            case NEED_CODE ->
                r.value().equals("*") ? !needCodes.isEmpty() : needCodes.contains(r.value());
            case CATEGORY -> categories.contains(r.value());
          };
      if (hit && flags.stream().noneMatch(f -> f.flag().equals(r.flag()))) {
        flags.add(new ChronologyItem.Flag(r.flag(), "MAPPING", r.label(), null, null));
      }
    }
    return flags;
  }

  private static List<Rule> read(Resource file) {
    List<Rule> rules = new ArrayList<>();
    try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setCommentMarker('#')
              .setTrim(true)
              .setIgnoreEmptyLines(true)
              .get()
              .parse(in)) {
        String where = file.getDescription() + ", line " + r.getParser().getCurrentLineNumber();
        Match match;
        try {
          match = Match.valueOf(r.get("match"));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(
              where + ", match: '" + r.get("match") + "' is not KIND, NEED_CODE or CATEGORY");
        }
        if (!FLAGS.contains(r.get("flag"))) {
          throw new IllegalStateException(
              where + ", flag: '" + r.get("flag") + "' is not TRAUMATIC, STRENGTH or NEED");
        }
        rules.add(new Rule(match, r.get("value"), r.get("flag"), r.get("label")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the chronology flags " + file, e);
    }
    return List.copyOf(rules);
  }
}
