package org.childjourneys.linkage;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What the service knows about names: normal forms, phonetic codes (Double Metaphone, which gives
 * Mohammed, Muhammad and Mohamed one code) and nicknames ({@code search/nicknames.csv}, shared with
 * child search so a search and a link agree on who "Alex" may be).
 */
public final class NameKnowledge {

  private static final Map<String, Set<String>> NICKNAMES = readNicknames();
  private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

  private NameKnowledge() {}

  /** Lower case, accents removed, letters and hyphens only; null for a blank or placeholder. */
  public static String normal(String name) {
    if (name == null) {
      return null;
    }
    String n =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z-]", "")
            .replaceAll("-+", "-")
            .replaceAll("^-|-$", "");
    return n.isEmpty() || isPlaceholder(n) ? null : n;
  }

  /** Names that stand for "not known" and so must never count as agreeing. */
  public static boolean isPlaceholder(String normalName) {
    return switch (normalName) {
      case "unknown",
          "notknown",
          "unborn",
          "baby",
          "babyof",
          "child",
          "infant",
          "na",
          "none",
          "nk",
          "x",
          "xx",
          "xxx",
          "tbc",
          "test" ->
          true;
      default -> false;
    };
  }

  /** The primary Double Metaphone code of a normal name ("" for null). */
  public static String phonetic(String normalName) {
    if (normalName == null) {
      return "";
    }
    String code = METAPHONE.doubleMetaphone(normalName.replace("-", ""));
    return code == null ? "" : code;
  }

  /** The names a nickname stands for and the nicknames of a name, in lower case; never null. */
  public static Set<String> nicknameGroup(String normalName) {
    return normalName == null ? Set.of() : NICKNAMES.getOrDefault(normalName, Set.of());
  }

  /** Whether one name is a known nickname or short form of the other. */
  public static boolean nicknames(String a, String b) {
    return a != null && b != null && nicknameGroup(a).contains(b);
  }

  /**
   * The forms a given name is filed under for blocking: the name itself and, for a nickname, the
   * full names it stands for.
   */
  public static Set<String> fullForms(String normalName) {
    Set<String> forms = new LinkedHashSet<>();
    if (normalName == null) {
      return forms;
    }
    forms.add(normalName);
    for (String other : nicknameGroup(normalName)) {
      if (other.length() > normalName.length()) {
        forms.add(other);
      }
    }
    return forms;
  }

  private static Map<String, Set<String>> readNicknames() {
    Map<String, Set<String>> map = new HashMap<>();
    try (Reader in =
        new InputStreamReader(
            NameKnowledge.class.getResourceAsStream("/search/nicknames.csv"),
            StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setCommentMarker('#')
              .setTrim(true)
              .get()
              .parse(in)) {
        String nick = r.get("nickname").toLowerCase(Locale.ROOT);
        String name = r.get("name").toLowerCase(Locale.ROOT);
        map.computeIfAbsent(nick, k -> new LinkedHashSet<>()).add(name);
        map.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(nick);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    map.replaceAll((k, v) -> Set.copyOf(v));
    return Map.copyOf(map);
  }
}
