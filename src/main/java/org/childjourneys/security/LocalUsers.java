package org.childjourneys.security;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.childjourneys.secrets.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The built-in users of the embedded default: one per persona (front-door, frontline, manager,
 * analyst, leader, quality-assurance, admin) plus any configured. A password not given in
 * configuration is generated once and kept in the password file, readable by its owner only, so
 * nothing secret is in the repository or in the logs.
 */
final class LocalUsers {

  private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);

  private LocalUsers() {}

  static Map<String, SecurityProperties.LocalUser> withDefaults(SecurityProperties props) {
    Map<String, SecurityProperties.LocalUser> users = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      users.put(defaultName(role), new SecurityProperties.LocalUser(null, role, null));
    }
    props
        .users()
        .forEach(
            (name, user) -> {
              SecurityProperties.LocalUser base = users.get(name);
              Role role = user.role() != null ? user.role() : base == null ? null : base.role();
              if (role == null) {
                throw new IllegalStateException(
                    "childjourneys.security.users."
                        + name
                        + ".role is missing: one of "
                        + List.of(Role.values()));
              }
              users.put(name, new SecurityProperties.LocalUser(user.password(), role, user.team()));
            });
    return users;
  }

  static String defaultName(Role role) {
    return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The users with encoded passwords; generates and stores the passwords not configured. */
  static List<UserDetails> load(SecurityProperties props, PasswordEncoder encoder) {
    Map<String, SecurityProperties.LocalUser> users = withDefaults(props);
    Path file = props.passwordFile();
    Properties stored = read(file);
    boolean generated = false;
    List<UserDetails> details = new ArrayList<>();
    for (Map.Entry<String, SecurityProperties.LocalUser> e : users.entrySet()) {
      String password = e.getValue().password();
      if (password == null || password.isBlank()) {
        password = System.getenv(environmentVariable(e.getKey()));
      }
      if (password == null || password.isBlank()) {
        password = stored.getProperty(e.getKey());
        if (password == null) {
          password = generate();
          stored.setProperty(e.getKey(), password);
          generated = true;
        }
      } else if (password.length() < 12) {
        throw new IllegalStateException(
            "The password of local user " + e.getKey() + " must have at least 12 characters");
      }
      details.add(
          User.withUsername(e.getKey())
              .password(encoder.encode(password))
              .roles(e.getValue().role().name())
              .build());
    }
    if (generated) {
      write(file, stored);
      log.warn(
          "Generated passwords for the built-in users; they are in {} (readable by this user only)."
              + " Set childjourneys.security.users.<name>.password to choose them.",
          file.toAbsolutePath());
    }
    return details;
  }

  /**
   * Spring cannot bind an environment variable to a map key with a dash (front-door), so the
   * documented CHILDJOURNEYS_SECURITY_USERS_FRONT_DOOR_PASSWORD is read here.
   */
  static String environmentVariable(String user) {
    return "CHILDJOURNEYS_SECURITY_USERS_"
        + user.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
        + "_PASSWORD";
  }

  private static String generate() {
    return SecretFiles.randomToken(18);
  }

  private static Properties read(Path file) {
    Properties p = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the local users' password file " + file, e);
      }
    }
    return p;
  }

  private static void write(Path file, Properties p) {
    try {
      StringWriter w = new StringWriter();
      p.store(w, "Child Journeys built-in users' passwords (user=password). Keep private.");
      SecretFiles.writePrivate(file, w.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the local users' password file " + file, e);
    }
  }
}
