package org.childjourneys.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The built-in users' passwords: configured, or generated once, kept private and reused. */
class LocalUsersTest {

  final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @Test
  void passwordsNotConfiguredAreGeneratedOnceIntoAPrivateFileAndReused() throws Exception {
    Path file = Path.of("target", "local-users-test", System.nanoTime() + ".properties");
    SecurityProperties props =
        new SecurityProperties(
            true,
            Map.of(
                "admin",
                    new SecurityProperties.LocalUser("a-configured-password", null, null, null),
                "dpo", new SecurityProperties.LocalUser(null, Role.QUALITY_ASSURANCE, null, null)),
            file,
            null);

    List<UserDetails> first = LocalUsers.load(props, encoder);

    assertThat(first)
        .extracting(UserDetails::getUsername)
        .containsExactly(
            "front-door",
            "frontline",
            "manager",
            "analyst",
            "leader",
            "quality-assurance",
            "admin",
            "dpo");
    Properties stored = new Properties();
    try (var r = Files.newBufferedReader(file)) {
      stored.load(r);
    }
    // Configured passwords are not copied into the file; generated ones are, and only there.
    assertThat(stored.stringPropertyNames()).hasSize(7).doesNotContain("admin");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    UserDetails frontDoor = first.get(0);
    assertThat(encoder.matches(stored.getProperty("front-door"), frontDoor.getPassword())).isTrue();
    assertThat(stored.getProperty("front-door")).hasSizeGreaterThanOrEqualTo(20);
    assertThat(encoder.matches("a-configured-password", first.get(6).getPassword())).isTrue();
    assertThat(first.get(7).getAuthorities().toString()).contains("ROLE_QUALITY_ASSURANCE");

    List<UserDetails> again = LocalUsers.load(props, encoder);
    assertThat(encoder.matches(stored.getProperty("frontline"), again.get(1).getPassword()))
        .isTrue();
  }

  @Test
  void aShortPasswordOrAUserWithoutARoleStopsTheServiceWithAReason() {
    Path file = Path.of("target", "local-users-test", "unused.properties");
    assertThatThrownBy(
            () ->
                LocalUsers.load(
                    new SecurityProperties(
                        true,
                        Map.of(
                            "admin", new SecurityProperties.LocalUser("short", null, null, null)),
                        file,
                        null),
                    encoder))
        .hasMessageContaining("admin")
        .hasMessageContaining("at least 12 characters");
    assertThatThrownBy(
            () ->
                LocalUsers.load(
                    new SecurityProperties(
                        true,
                        Map.of(
                            "auditor",
                            new SecurityProperties.LocalUser("long-enough-pw", null, null, null)),
                        file,
                        null),
                    encoder))
        .hasMessageContaining("childjourneys.security.users.auditor.role is missing");
  }
}
