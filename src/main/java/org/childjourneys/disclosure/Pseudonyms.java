package org.childjourneys.disclosure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.childjourneys.secrets.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Pseudonyms of children for analysts: {@code P-} and the first 16 hex digits (64 bits) of the
 * HMAC-SHA256 of the child's id under this deployment's secret key. The same child always gets the
 * same pseudonym in one deployment, so analysts can follow a child across queries and time; without
 * the key nobody can compute a child's pseudonym from its id or test a guess, and a pseudonym gives
 * no way back to the id. 64 bits make a collision among a million children about one in thirty
 * million.
 *
 * <p>The key comes from configuration ({@code childjourneys.disclosure.pseudonym-key}, from the
 * environment in production) or is generated on first start into {@code
 * childjourneys.disclosure.pseudonym-key-file} (owner-only). It is never logged. Changing it
 * changes every pseudonym (docs/security.md).
 */
@Component
public class Pseudonyms {

  static final String PREFIX = "P-";
  static final int HEX_DIGITS = 16;
  static final int MIN_KEY_LENGTH = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private static final Logger log = LoggerFactory.getLogger(Pseudonyms.class);

  private final SecretKeySpec key;

  @Autowired
  public Pseudonyms(DisclosureProperties props) {
    this(keyOf(props));
  }

  /** With a key given directly (tests, tools). */
  Pseudonyms(String key) {
    if (key == null || key.length() < MIN_KEY_LENGTH) {
      throw new IllegalStateException(
          "childjourneys.disclosure.pseudonym-key must have at least "
              + MIN_KEY_LENGTH
              + " characters");
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The pseudonym of the child with this id. */
  public String of(String childId) {
    try {
      // A Mac is not thread-safe: one per call (cheap next to a query).
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal(childId.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static String keyOf(DisclosureProperties props) {
    if (props.pseudonymKey() != null && !props.pseudonymKey().isBlank()) {
      return props.pseudonymKey();
    }
    try {
      SecretFiles.Secret secret =
          SecretFiles.readOrCreate(props.pseudonymKeyFile(), () -> SecretFiles.randomToken(32));
      if (secret.generated()) {
        log.warn(
            "Generated the pseudonym key into {} (readable by this user only). Keep it and back it"
                + " up: a new key changes every pseudonym. Set childjourneys.disclosure"
                + ".pseudonym-key to supply it instead.",
            props.pseudonymKeyFile().toAbsolutePath());
      }
      return secret.value();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read or write the pseudonym key file " + props.pseudonymKeyFile(), e);
    }
  }

  @Override
  public String toString() {
    return "Pseudonyms[HMAC-SHA256, key hidden]";
  }
}
