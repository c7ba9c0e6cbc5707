package io.mcpiac.engine.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a deployment file safely: only a regular file (not {@code /dev/zero}, a FIFO or a
 * directory), only up to a size limit (checked before and while reading, so a growing file cannot
 * get past it), and only UTF-8 text. Messages never quote the file's contents: the path may point
 * at something that is not a deployment at all.
 */
final class DocumentFiles {
  private DocumentFiles() {}

  static String readText(Path file, int maxBytes) throws IOException {
    if (!Files.exists(file)) {
      throw new IOException("no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IOException("not a regular file (a device, a pipe or a directory)");
    }
    long size = Files.size(file);
    if (size > maxBytes) {
      throw new IOException(tooLarge(size, maxBytes));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw new IOException(e.getClass().getSimpleName() + " while reading", e);
    }
    if (bytes.length > maxBytes) {
      throw new IOException(tooLarge(bytes.length, maxBytes));
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not UTF-8 text (is this a deployment file?)", e);
    }
  }

  private static String tooLarge(long size, int max) {
    return "the file has "
        + size
        + "+ bytes; a deployment file is at most "
        + max
        + " (split it, or check that this is the right file)";
  }
}
