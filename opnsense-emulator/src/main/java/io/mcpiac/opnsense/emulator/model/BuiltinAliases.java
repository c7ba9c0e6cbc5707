package io.mcpiac.opnsense.emulator.model;

import io.mcpiac.opnsense.emulator.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Aliases every OPNsense has without configuring them: the bogon and lockout tables and one {@code
 * __<if>_network} per assigned interface. They show up in alias search (uuid = name) and in alias
 * content option lists, and may be referenced by rules.
 */
public final class BuiltinAliases {
  /** A built-in alias. */
  public record Builtin(String name, String type, String description, String content) {}

  private BuiltinAliases() {}

  public static List<Builtin> all(Config config) {
    List<Builtin> out = new ArrayList<>();
    out.add(new Builtin("bogons", "external", "bogon networks (internal)", ""));
    out.add(new Builtin("bogonsv6", "external", "bogon networks IPv6 (internal)", ""));
    out.add(new Builtin("sshlockout", "external", "abuse lockout table (internal)", ""));
    out.add(
        new Builtin("virusprot", "external", "overload table for rate limiting (internal)", ""));
    for (Map.Entry<String, String> e : SystemEnvironment.interfaces(config).entrySet()) {
      String addr = SystemEnvironment.INTERFACE_ADDRESSES.getOrDefault(e.getKey(), "");
      out.add(
          new Builtin(
              "__" + e.getKey() + "_network", "internal", e.getValue() + " net", network(addr)));
    }
    return out;
  }

  private static String network(String cidr) {
    if (cidr.isEmpty()) {
      return "";
    }
    String[] p = cidr.split("/");
    String[] o = p[0].split("\\.");
    int bits = Integer.parseInt(p[1]);
    long a = 0;
    for (String s : o) {
      a = (a << 8) | Integer.parseInt(s);
    }
    long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
    long n = a & mask;
    return ((n >> 24) & 255)
        + "."
        + ((n >> 16) & 255)
        + "."
        + ((n >> 8) & 255)
        + "."
        + (n & 255)
        + "/"
        + bits;
  }
}
