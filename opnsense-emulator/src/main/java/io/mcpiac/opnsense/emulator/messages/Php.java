package io.mcpiac.opnsense.emulator.messages;

/** The bits of PHP's string formatting OPNsense's messages rely on. */
public final class Php {
  private Php() {}

  /** {@code sprintf} with {@code %s} (and {@code %d}) placeholders; {@code null} prints "". */
  public static String sprintf(String template, Object... args) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '%' && i + 1 < template.length()) {
        char k = template.charAt(i + 1);
        if (k == 's' || k == 'd') {
          Object a = next < args.length ? args[next] : null;
          next++;
          out.append(a == null ? "" : a.toString());
          i++;
          continue;
        }
        if (k == '%') {
          out.append('%');
          i++;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * {@code BaseField::getValidationMessage($content)}: a message with exactly one {@code %s} is
   * filled with the content, any other is answered as written.
   */
  public static String validationMessage(String message, String content) {
    int first = message.indexOf("%s");
    if (first >= 0 && message.indexOf("%s", first + 1) < 0) {
      return message.substring(0, first)
          + (content == null ? "" : content)
          + message.substring(first + 2);
    }
    return message;
  }
}
