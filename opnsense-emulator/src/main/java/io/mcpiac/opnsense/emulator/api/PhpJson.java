package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON as PHP's {@code json_encode} writes it: with default flags {@code /} becomes {@code \/} and
 * non-ASCII becomes {@code \}{@code uXXXX} (controller answers); with {@code
 * JSON_UNESCAPED_SLASHES} slashes stay (the exception handler in {@code api.php}).
 */
public final class PhpJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final ObjectMapper ESCAPED = escapingMapper(true);
  private static final ObjectMapper UNESCAPED = escapingMapper(false);

  private PhpJson() {}

  private static ObjectMapper escapingMapper(boolean slashes) {
    ObjectMapper m = JsonMapper.builder().build();
    m.getFactory().setCharacterEscapes(new SlashEscapes(slashes));
    m.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return m;
  }

  /** Controller output ({@code Response::send}). */
  public static byte[] encode(JsonNode node) {
    return write(ESCAPED, node);
  }

  /** Error output ({@code JSON_UNESCAPED_SLASHES}). */
  public static byte[] encodeUnescapedSlashes(JsonNode node) {
    return write(UNESCAPED, node);
  }

  private static byte[] write(ObjectMapper m, JsonNode node) {
    try {
      return m.writeValueAsString(node).getBytes(StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class SlashEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] table;

    SlashEscapes(boolean slashes) {
      table = CharacterEscapes.standardAsciiEscapesForJSON();
      if (slashes) {
        table['/'] = CharacterEscapes.ESCAPE_CUSTOM;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    /** {@code \/} for slashes; every non-ASCII UTF-16 unit as lower-case {@code \}{@code u00e9}. */
    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == '/') {
        return new SerializedString("\\/");
      }
      return ch > 127 ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }
}
