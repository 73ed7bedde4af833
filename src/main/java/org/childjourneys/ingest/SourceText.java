package org.childjourneys.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a text extract in the encoding it was written in: a byte-order mark decides (UTF-8,
 * UTF-16); otherwise UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what Excel on a council
 * laptop writes). So a Latin-1 "Zoë" reads as Zoë, not as a replacement character.
 */
final class SourceText {

  private SourceText() {}

  static Charset detect(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      byte[] head = in.readNBytes(3);
      if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
        return StandardCharsets.UTF_16BE;
      }
      if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
        return StandardCharsets.UTF_16LE;
      }
    }
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      ByteBuffer carry = ByteBuffer.allocate(buffer.length + 8);
      java.nio.CharBuffer out = java.nio.CharBuffer.allocate(buffer.length + 8);
      int n;
      while ((n = in.read(buffer)) > 0) {
        carry.put(buffer, 0, n).flip();
        var result = utf8.decode(carry, out, false);
        if (result.isError()) {
          return Charset.forName("windows-1252");
        }
        carry.compact();
        out.clear();
      }
      carry.flip();
      if (utf8.decode(carry, out, true).isError() || carry.hasRemaining()) {
        return Charset.forName("windows-1252");
      }
    } catch (IllegalStateException e) {
      throw new CharacterCodingException();
    }
    return StandardCharsets.UTF_8;
  }

  /** A reader over the file in its detected encoding, without a leading byte-order mark. */
  static Reader open(Path file) throws IOException {
    Charset charset = detect(file);
    Reader reader = new InputStreamReader(Files.newInputStream(file), charset);
    reader = new java.io.BufferedReader(reader, 1 << 16);
    reader.mark(1);
    if (reader.read() != '\ufeff') {
      reader.reset();
    }
    return reader;
  }
}
