package io.mcpiac.opnsense.emulator.fields;

import io.mcpiac.opnsense.emulator.messages.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code TextField} with an optional {@code Mask}; the base for the text-like types. 26.1.11 added
 * the {@code AllowSpaces}/{@code AllowNewlines}/{@code AllowSpecial} checks that {@code
 * StrictTextField} and {@code DescriptionField} switch on (the first failing one answers); older
 * releases have none of them.
 */
public class TextField extends Field {
  private Pattern mask;
  private boolean strict;
  private boolean allowSpaces = true;
  private boolean description;

  public TextField(String name) {
    super(name);
  }

  public TextField mask(Pattern mask) {
    this.mask = mask;
    return this;
  }

  /** {@code StrictTextField}: no control characters, newlines, or (unless allowed) spaces. */
  public TextField strict(boolean allowSpaces) {
    this.strict = true;
    this.allowSpaces = allowSpaces;
    return this;
  }

  /** {@code DescriptionField}: 1..255 bytes, no newlines or control characters. */
  public TextField description() {
    this.description = true;
    return this;
  }

  @Override
  public List<String> validateValue(String value, FieldContext ctx) {
    List<String> out = new ArrayList<>();
    if ((strict || description) && Message.TEXT_NEWLINES.existsIn(ctx.version())) {
      String problem = characterProblem(value);
      if (problem != null) {
        out.add(problem);
      }
    }
    if (mask != null && !PhpRegex.matches(mask, value)) {
      out.add(message(Message.TEXT, null));
    }
    if (description && !fitsDescription(value)) {
      out.add(message(Message.DESCRIPTION, null));
    }
    return out;
  }

  private String characterProblem(String value) {
    if (strict && !allowSpaces && (value.indexOf(' ') >= 0 || value.indexOf('\t') >= 0)) {
      return Message.TEXT_SPACES.text();
    }
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      return Message.TEXT_NEWLINES.text();
    }
    if (value.indexOf('\0') >= 0 || value.indexOf('\u000b') >= 0 || value.indexOf('\f') >= 0) {
      return Message.TEXT_SPECIAL.text();
    }
    return null;
  }

  /**
   * {@code preg_match('/^(.){1,255}$/', $data)} without {@code u}: 1..255 bytes, none a newline,
   * though {@code $} lets one final newline through.
   */
  private static boolean fitsDescription(String value) {
    String v = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    int bytes = v.getBytes(StandardCharsets.UTF_8).length;
    return v.indexOf('\n') < 0 && bytes >= 1 && bytes <= 255;
  }
}
