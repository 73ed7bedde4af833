package org.childjourneys.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The local authorities of one graph: the deployment's own ({@code
 * childjourneys.authority.la-code}, which owns every source system no other authority has been
 * recorded for) and the purposes for which one authority's readers see records another authority
 * owns ({@code childjourneys.security.cross-authority-purposes}). See docs/security.md, "Several
 * authorities in one graph".
 */
@Component
public class Authorities {

  private final String home;
  private final Set<Purpose> crossAuthority;

  public Authorities(
      @Value("${childjourneys.authority.la-code:}") String laCode,
      @Value(
              "${childjourneys.security.cross-authority-purposes:"
                  + "REFERRAL_TRIAGE,SECTION_47,SAFEGUARDING,OPEN_CASE}")
          List<Purpose> crossAuthorityPurposes) {
    this.home = normalise(laCode);
    this.crossAuthority = EnumSet.noneOf(Purpose.class);
    if (crossAuthorityPurposes != null) {
      crossAuthorityPurposes.stream()
          .filter(java.util.Objects::nonNull)
          .forEach(this.crossAuthority::add);
    }
  }

  /** An authority code as compared: upper case, no spaces; blank is "" (no authority named). */
  public static String normalise(String code) {
    return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
  }

  /** The deployment's own authority code, "" when none is configured. */
  public String home() {
    return home;
  }

  /** The authority a code stands for: the code, or the deployment's own when blank. */
  public String orHome(String code) {
    String c = normalise(code);
    return c.isEmpty() ? home : c;
  }

  /** The authority of this actor (the deployment's own unless configured otherwise). */
  public String of(Actor actor) {
    return orHome(actor.authority());
  }

  /** Whether readers of one authority see other authorities' records for this purpose. */
  public boolean sharedAcross(Purpose purpose) {
    return crossAuthority.contains(purpose);
  }

  /** The purposes that open other authorities' records, in declaration order. */
  public List<Purpose> crossAuthorityPurposes() {
    return crossAuthority.stream().sorted().toList();
  }
}
