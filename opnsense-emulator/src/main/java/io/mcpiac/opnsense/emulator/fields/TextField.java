package io.mcpiac.opnsense.emulator.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code TextField} with an optional {@code Mask}; the base for the text-like types. The strict
 * variants add OPNsense's checks on spaces, newlines and control characters.
 */
public class TextField extends Field {
  private Pattern mask;
  private boolean strict;
  private boolean allowSpaces;
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

  /** {@code DescriptionField}: 1..255 characters, no newlines or control characters. */
  public TextField description() {
    this.description = true;
    return this;
  }

  @Override
  public List<String> validateValue(String value, FieldContext ctx) {
    List<String> out = new ArrayList<>();
    if (description && value.codePointCount(0, value.length()) > 255) {
      out.add(message("Description should be a string between 1 and 255 characters."));
    }
    if (strict || description) {
      if (strict && !allowSpaces && (value.contains(" ") || value.contains("\t"))) {
        out.add("Text may not contain spaces or tabs.");
      }
      if (value.contains("\n") || value.contains("\r")) {
        out.add("Text may not contain newlines.");
      }
      if (value.chars().anyMatch(c -> c < 32 && c != '\n' && c != '\r' && c != '\t')) {
        out.add("Text may not contain special control characters.");
      }
    }
    if (mask != null && !PhpRegex.matches(mask, value)) {
      out.add(message("Text does not validate."));
    }
    return out;
  }
}
