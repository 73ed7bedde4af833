package org.childjourneys.security;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.childjourneys.dataset.ServiceDomains;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The sharing rules as data: which services' facts a role may see for a purpose. The lawful basis
 * is public task, so most rows share; a row may make sharing depend on the person's consent (early
 * help outside safeguarding) or withhold a service. The first row matching (service, role, purpose)
 * wins; {@code *} matches anything. The default matrix is {@code security/sharing-rules.csv};
 * {@code childjourneys.security.sharing-rules} points at another.
 */
@Component
public class SharingRules {

  /** The nine service domains whose facts the rules govern. */
  public static final List<String> SERVICES = ServiceDomains.CODES;

  /** The consent scope the rules ask for. */
  public static final String CONSENT_SCOPE = "INFORMATION_SHARING";

  public enum Access {
    SHARE,
    CONSENT,
    WITHHOLD
  }

  public record Rule(String service, String role, String purpose, Access access, String reason) {
    boolean matches(String service, Role role, Purpose purpose) {
      return (this.service.equals("*") || this.service.equals(service))
          && (this.role.equals("*") || this.role.equals(role.name()))
          && (this.purpose.equals("*") || this.purpose.equals(purpose.name()));
    }
  }

  /** What the rules decided for one service's facts in one read. */
  public record Decision(String service, Access access, boolean consentGiven, String reason) {
    public boolean shown() {
      return access == Access.SHARE || (access == Access.CONSENT && consentGiven);
    }
  }

  private final List<Rule> rules;
  private final String source;

  SharingRules(
      @Value("${childjourneys.security.sharing-rules:classpath:security/sharing-rules.csv}")
          Resource resource) {
    this.source = resource.getDescription();
    this.rules = read(resource);
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The decision per service for this reader and purpose, given the person's consents. */
  public Map<String, Decision> decide(
      Role role, Purpose purpose, List<ChildAccessFacts.ConsentState> consents) {
    Map<String, Decision> decisions = new LinkedHashMap<>();
    for (String service : SERVICES) {
      Rule rule = rule(service, role, purpose);
      boolean given =
          consents.stream()
              .anyMatch(
                  c -> c.service().equals(service) && c.scope().equals(CONSENT_SCOPE) && c.given());
      decisions.put(service, new Decision(service, rule.access(), given, rule.reason()));
    }
    return decisions;
  }

  Rule rule(String service, Role role, Purpose purpose) {
    for (Rule r : rules) {
      if (r.matches(service, role, purpose)) {
        return r;
      }
    }
    return new Rule(service, "*", "*", Access.WITHHOLD, "No sharing rule covers this service");
  }

  private static final Set<String> HEADER =
      Set.of("service", "role", "purpose", "access", "reason");

  private List<Rule> read(Resource resource) {
    List<Rule> read = new ArrayList<>();
    try (Reader in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      var csv =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setTrim(true)
              .setCommentMarker('#')
              .setIgnoreEmptyLines(true)
              .get()
              .parse(in);
      if (!csv.getHeaderNames().containsAll(HEADER)) {
        throw invalid(1, "header", "must have the columns " + HEADER);
      }
      for (CSVRecord row : csv) {
        read.add(rule(row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the sharing rules " + source, e);
    }
    return List.copyOf(read);
  }

  private Rule rule(CSVRecord row) {
    long line = row.getParser().getCurrentLineNumber();
    String service = row.get("service");
    if (!service.equals("*") && !SERVICES.contains(service)) {
      throw invalid(line, "service", "unknown service '" + service + "', one of " + SERVICES);
    }
    String role = row.get("role");
    if (!role.equals("*")) {
      try {
        Role.valueOf(role);
      } catch (IllegalArgumentException e) {
        throw invalid(line, "role", "unknown role '" + role + "'");
      }
    }
    String purpose = row.get("purpose");
    if (!purpose.equals("*")) {
      try {
        Purpose.valueOf(purpose);
      } catch (IllegalArgumentException e) {
        throw invalid(line, "purpose", "unknown purpose '" + purpose + "'");
      }
    }
    Access access;
    try {
      access = Access.valueOf(row.get("access"));
    } catch (IllegalArgumentException e) {
      throw invalid(
          line, "access", "'" + row.get("access") + "' is not SHARE, CONSENT or WITHHOLD");
    }
    return new Rule(service, role, purpose, access, row.get("reason"));
  }

  private IllegalStateException invalid(long line, String field, String reason) {
    return new IllegalStateException(
        "Sharing rules " + source + ", line " + line + ", " + field + ": " + reason);
  }
}
