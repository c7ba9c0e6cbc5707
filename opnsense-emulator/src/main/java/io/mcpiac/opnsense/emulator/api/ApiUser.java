package io.mcpiac.opnsense.emulator.api;

import java.util.List;

/**
 * An API key with its owner and privileges. {@code pages} are URI patterns ending in {@code *}
 * (like OPNsense ACL page patterns) or {@code page-all}; {@code readOnly} is the {@code
 * user-config-readonly} privilege (reads and applies work, config writes are refused).
 */
public record ApiUser(
    String username, String key, String secret, List<String> pages, boolean readOnly) {

  public static ApiUser admin(String key, String secret) {
    return new ApiUser("root", key, secret, List.of("page-all"), false);
  }

  public boolean mayAccess(String uri) {
    for (String p : pages) {
      if (p.equals("page-all")) {
        return true;
      }
      String pattern = p.startsWith("/") ? p.substring(1) : p;
      String u = uri.startsWith("/") ? uri.substring(1) : uri;
      if (pattern.endsWith("*")
          ? u.toLowerCase().startsWith(pattern.substring(0, pattern.length() - 1).toLowerCase())
          : u.equalsIgnoreCase(pattern)) {
        return true;
      }
    }
    return false;
  }
}
