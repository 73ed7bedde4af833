package org.childjourneys.disclosure;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How aggregates and pseudonyms are disclosed.
 *
 * @param pseudonymKey the secret key of the pseudonyms (32+ characters); in production from the
 *     environment ({@code CHILDJOURNEYS_DISCLOSURE_PSEUDONYM_KEY}) or a secrets store. When blank,
 *     the key in {@code pseudonymKeyFile} is used, generated on first start.
 * @param pseudonymKeyFile where a generated key is kept (readable by its owner only)
 */
@ConfigurationProperties("childjourneys.disclosure")
public record DisclosureProperties(String pseudonymKey, Path pseudonymKeyFile) {

  public DisclosureProperties {
    pseudonymKeyFile =
        pseudonymKeyFile == null ? Path.of("data", "pseudonym.key") : pseudonymKeyFile;
  }

  /** The key is never printed, not even in a configuration dump. */
  @Override
  public String toString() {
    return "DisclosureProperties[pseudonymKey="
        + (pseudonymKey == null || pseudonymKey.isBlank() ? "(from file)" : "(configured)")
        + ", pseudonymKeyFile="
        + pseudonymKeyFile
        + "]";
  }
}
