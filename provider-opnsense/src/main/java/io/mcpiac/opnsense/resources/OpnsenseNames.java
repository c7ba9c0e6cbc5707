package io.mcpiac.opnsense.resources;

import java.util.regex.Pattern;

/** The names and ids OPNsense accepts. */
public final class OpnsenseNames {
  private static final Pattern UUID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

  private OpnsenseNames() {}

  /** OPNsense's own test for an id that set… may create (lower-case v4 UUID). */
  public static boolean isUuid(String s) {
    return s != null && UUID.matcher(s).matches();
  }

  /** A name OPNsense accepts for aliases ({@code [A-Za-z0-9_]}, starting with a letter). */
  public static String aliasName(String resourceName) {
    String s = resourceName.replaceAll("[^A-Za-z0-9_]", "_");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = "a_" + s;
    }
    return s.length() > 31 ? s.substring(0, 31) : s;
  }
}
