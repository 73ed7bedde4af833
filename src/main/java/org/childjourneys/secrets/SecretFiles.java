package org.childjourneys.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Secrets the service generates for itself (the embedded database's admin password, the built-in
 * users' passwords, the pseudonym key) live in files under the data folder, readable and writable
 * by their owner only. One place decides how such a file is created, so every secret gets the same
 * protection; callers never log the content.
 */
public final class SecretFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFiles() {}

  /** A secret read from a file, and whether it was generated just now. */
  public record Secret(String value, boolean generated) {}

  /** {@code bytes} random bytes from a cryptographic generator, base64url without padding. */
  public static String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * The secret kept in {@code file} (its content without surrounding whitespace); when the file
   * does not exist, a new secret from {@code generator} is written to it first, owner-only.
   */
  public static Secret readOrCreate(Path file, Supplier<String> generator) throws IOException {
    if (Files.exists(file)) {
      return new Secret(Files.readString(file, StandardCharsets.UTF_8).strip(), false);
    }
    String value = generator.get();
    writePrivate(file, value + "\n");
    return new Secret(value, true);
  }

  /**
   * Writes {@code content} to {@code file}, creating the file and its folders. Where the file
   * system has POSIX permissions the file is made owner-only before the secret is written, so it is
   * never readable by others, not even for a moment; elsewhere (Windows) the data folder's own
   * permissions apply.
   */
  public static void writePrivate(Path file, String content) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.exists(file)) {
      FileAttribute<?>[] attributes =
          posix
              ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
              : new FileAttribute<?>[0];
      Files.createFile(file, attributes);
    }
    if (posix) {
      // An existing file, or a umask that left other bits: set them explicitly.
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
