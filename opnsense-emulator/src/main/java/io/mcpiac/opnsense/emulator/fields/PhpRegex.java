package io.mcpiac.opnsense.emulator.fields;

import java.util.regex.Pattern;

/** Turns a PHP {@code preg_match} pattern like {@code /^[a-z]+$/iu} into a Java pattern. */
public final class PhpRegex {
  private PhpRegex() {}

  public static Pattern compile(String php) {
    if (php.length() < 2 || php.charAt(0) != '/') {
      return Pattern.compile(php);
    }
    int end = php.lastIndexOf('/');
    String body = php.substring(1, end);
    String flags = php.substring(end + 1);
    int f = 0;
    if (flags.contains("i")) {
      f |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }
    if (flags.contains("s")) {
      f |= Pattern.DOTALL;
    }
    if (flags.contains("m")) {
      f |= Pattern.MULTILINE;
    }
    // PHP's "$" also matches before a final newline, like Java's default; keep it.
    return Pattern.compile(body, f);
  }

  /** preg_match semantics: a match anywhere (anchors come from the pattern itself). */
  public static boolean matches(Pattern p, String value) {
    return p.matcher(value).find();
  }

  /** The first match must cover the whole value (how list items are checked). */
  public static boolean matchesWhole(Pattern p, String value) {
    java.util.regex.Matcher m = p.matcher(value);
    return m.find() && m.start() == 0 && m.end() == value.length();
  }
}
