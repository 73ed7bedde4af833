package org.childjourneys.child;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.childjourneys.InvalidInputException;
import org.childjourneys.linkage.NameKnowledge;

/**
 * What a search asks for, checked and normalised: name tokens (only letters reach the full-text
 * query, so nothing a user types can change its meaning), a date of birth, a postcode, an
 * identifier. Names tolerate typos (fuzzy terms) and nicknames ({@code search/nicknames.csv}).
 */
record ChildSearch(
    List<String> nameTokens, LocalDate birthDate, String postcode, String identifier) {

  static final int MAX_NAME_LENGTH = 100;

  static ChildSearch of(String name, LocalDate birthDate, String postcode, String identifier) {
    if (name != null && name.length() > MAX_NAME_LENGTH) {
      throw new InvalidInputException(
          "name", "at most " + MAX_NAME_LENGTH + " characters, was " + name.length());
    }
    List<String> tokens = tokens(name);
    String code = postcode(postcode);
    String id = identifier(identifier);
    if (name != null && !name.isBlank() && tokens.isEmpty()) {
      throw new InvalidInputException("name", "needs letters, was '" + name.strip() + "'");
    }
    if (tokens.isEmpty() && id == null && (birthDate == null || code == null)) {
      throw new InvalidInputException(
          "name",
          "search needs a name, an identifier, or a date of birth together with a postcode");
    }
    return new ChildSearch(tokens, birthDate, code, id);
  }

  /** The full-text query: each token fuzzy, or any name it is a nickname of (or for). */
  String nameQuery() {
    if (nameTokens.isEmpty()) {
      return null;
    }
    List<String> clauses = new ArrayList<>();
    for (String token : nameTokens) {
      Set<String> alternatives = new LinkedHashSet<>();
      alternatives.add(fuzzy(token));
      alternatives.addAll(NameKnowledge.nicknameGroup(token));
      clauses.add("(" + String.join(" OR ", alternatives) + ")");
    }
    return String.join(" ", clauses);
  }

  /** Why a candidate's name matched: the same name, a nickname of it, or a similar spelling. */
  String nameMatch(String givenName, String familyName) {
    Set<String> names = new LinkedHashSet<>(tokens(givenName));
    names.addAll(tokens(familyName));
    boolean exact = true;
    boolean nickname = false;
    for (String token : nameTokens) {
      if (names.contains(token)) {
        continue;
      }
      exact = false;
      if (NameKnowledge.nicknameGroup(token).stream().anyMatch(names::contains)) {
        nickname = true;
      }
    }
    return exact ? "NAME" : nickname ? "NICKNAME" : "SIMILAR_NAME";
  }

  private static String fuzzy(String token) {
    if (token.length() <= 2) {
      return token;
    }
    return token + (token.length() <= 5 ? "~1" : "~2");
  }

  static List<String> tokens(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> tokens = new ArrayList<>();
    for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (!t.isEmpty() && tokens.size() < 6) {
        tokens.add(t);
      }
    }
    return tokens;
  }

  /** UK postcode in its usual form (outward code, space, inward code), or null when absent. */
  static String postcode(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    if (!compact.matches("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")) {
      throw new InvalidInputException("postcode", "'" + text.strip() + "' is not a UK postcode");
    }
    return compact.substring(0, compact.length() - 3)
        + " "
        + compact.substring(compact.length() - 3);
  }

  /** The identifier as typed (trimmed), or null when absent. */
  static String identifier(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    if (stripped.length() > 40) {
      throw new InvalidInputException(
          "identifier", "at most 40 characters, was " + stripped.length());
    }
    return stripped;
  }

  /** The forms an identifier may be stored in: as typed, upper case, an NHS number's digits. */
  List<String> identifierForms() {
    if (identifier == null) {
      return null;
    }
    Set<String> forms = new LinkedHashSet<>();
    forms.add(identifier);
    forms.add(identifier.toUpperCase(Locale.ROOT));
    String digits = identifier.replaceAll("[\\s-]", "");
    if (digits.matches("[0-9]{10}")) {
      forms.add(digits);
    }
    return List.copyOf(forms);
  }
}
