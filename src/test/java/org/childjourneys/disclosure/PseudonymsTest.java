package org.childjourneys.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Keyed pseudonyms: stable, keyed, unrelated to the id; the key configured or kept private. */
class PseudonymsTest {

  static final String KEY = "a-test-key-of-at-least-thirty-two-characters";

  @Test
  void theSameIdAlwaysGetsTheSamePseudonymAndItIsTheKeyedHmac() throws Exception {
    Pseudonyms pseudonyms = new Pseudonyms(KEY);
    String p = pseudonyms.of("C00000001");
    assertThat(p).isEqualTo(new Pseudonyms(KEY).of("C00000001")).matches("P-[0-9a-f]{16}");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String hex =
        HexFormat.of().formatHex(mac.doFinal("C00000001".getBytes(StandardCharsets.UTF_8)));
    assertThat(p).isEqualTo("P-" + hex.substring(0, 16));
  }

  @Test
  void differentIdsAndDifferentKeysGiveDifferentPseudonyms() {
    Pseudonyms pseudonyms = new Pseudonyms(KEY);
    assertThat(pseudonyms.of("C00000001")).isNotEqualTo(pseudonyms.of("C00000002"));
    assertThat(new Pseudonyms(KEY + "!").of("C00000001")).isNotEqualTo(pseudonyms.of("C00000001"));
  }

  @Test
  void aPseudonymNeitherIsNorContainsTheId() {
    Pseudonyms pseudonyms = new Pseudonyms(KEY);
    for (String id : new String[] {"C00000001", "1", "00000001", "C"}) {
      String p = pseudonyms.of(id);
      assertThat(p).isNotEqualTo(id).doesNotContain(id.length() > 1 ? id : "C0");
    }
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new Pseudonyms("short"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 32");
  }

  @Test
  void withoutAConfiguredKeyOneIsGeneratedIntoAPrivateFileAndReused() throws Exception {
    Path file = Path.of("target", "pseudonyms-test", System.nanoTime() + ".key");
    String first = new Pseudonyms(new DisclosureProperties(null, file)).of("C00000001");

    assertThat(file).exists();
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String key = Files.readString(file).strip();
    assertThat(key).hasSizeGreaterThanOrEqualTo(Pseudonyms.MIN_KEY_LENGTH);
    assertThat(new Pseudonyms(key).of("C00000001")).isEqualTo(first);
    // Restarting reads the same key: the same pseudonyms.
    assertThat(new Pseudonyms(new DisclosureProperties(" ", file)).of("C00000001"))
        .isEqualTo(first);
    assertThat(new DisclosureProperties(null, file).toString()).doesNotContain(key);
  }

  @Test
  void aConfiguredKeyWinsOverTheFile() throws Exception {
    Path file = Path.of("target", "pseudonyms-test", System.nanoTime() + ".key");
    new Pseudonyms(new DisclosureProperties(null, file));
    String fromFile = new Pseudonyms(Files.readString(file).strip()).of("C00000001");

    DisclosureProperties configured = new DisclosureProperties(KEY, file);
    assertThat(new Pseudonyms(configured).of("C00000001"))
        .isEqualTo(new Pseudonyms(KEY).of("C00000001"))
        .isNotEqualTo(fromFile);
    assertThat(configured.toString()).doesNotContain(KEY);
    assertThat(new Pseudonyms(KEY).toString()).doesNotContain(KEY);

    Path untouched = Path.of("target", "pseudonyms-test", System.nanoTime() + ".key");
    new Pseudonyms(new DisclosureProperties(KEY, untouched));
    assertThat(untouched).doesNotExist();
  }
}
