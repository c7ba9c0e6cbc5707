package io.mcpiac.kubernetes.resources;

import java.util.Locale;
import java.util.regex.Pattern;

/** Kubernetes object names (DNS subdomains, RFC 1123) and how a resource name becomes one. */
final class ObjectNames {
  static final Pattern SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

  private ObjectNames() {}

  /** {@code Web.App[1]} → {@code web-app-1}: lower case, other characters as dashes. */
  static String fromResourceName(String resource) {
    String n = resource.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
    n = n.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
    return n.length() > 253 ? n.substring(0, 253) : n;
  }

  static String problem(String name) {
    if (name.length() > 253) {
      return "'" + name + "' is longer than 253 characters";
    }
    return SUBDOMAIN.matcher(name).matches()
        ? null
        : "'"
            + name
            + "' is not a valid Kubernetes name (lower-case letters, digits, '-' and '.',"
            + " starting and ending with a letter or digit)";
  }
}
