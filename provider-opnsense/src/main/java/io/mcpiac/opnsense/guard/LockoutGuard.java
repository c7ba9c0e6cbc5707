package io.mcpiac.opnsense.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.PlannedChange;
import io.mcpiac.engine.providers.Risk;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.opnsense.resources.OpnsenseNames;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses plans that would cut this machine off the firewall's API: a block/reject rule that
 * matches traffic from our address to the API port, or the removal (delete, disable, turning into a
 * block) of a pass rule written for exactly that port. Aliases are resolved from the plan itself;
 * interface networks ({@code lan}) and aliases defined elsewhere cannot be resolved and are not
 * taken as matching. A rule only on {@code wan} is not taken as matching when the firewall is
 * reached at a private address (the API then comes in on an inside interface).
 */
public final class LockoutGuard {
  public static final String RISK = "lockout";
  private static final String RULE = "opnsense:firewall:rule";
  private static final String ALIAS = "opnsense:firewall:alias";

  private final NetworkView net;

  public LockoutGuard(NetworkView net) {
    this.net = net;
  }

  public List<Risk> check(List<PlannedChange> actions) {
    Map<String, List<String>> aliases = new HashMap<>();
    for (PlannedChange a : actions) {
      if (a.type().equals(ALIAS) && a.properties() != null) {
        String name = Props.text(a.properties(), "name");
        aliases.put(
            name != null ? name : OpnsenseNames.aliasName(a.name()),
            Props.list(a.properties(), "content"));
      }
    }
    List<Risk> risks = new ArrayList<>();
    for (PlannedChange a : actions) {
      if (!a.type().equals(RULE) || !a.changesSomething()) {
        continue;
      }
      ObjectNode after = a.kind() == PlannedChange.Kind.DELETE ? null : a.properties();
      ObjectNode before = a.prior();
      if (after != null && blocksApi(after, aliases)) {
        risks.add(
            new Risk(
                RISK,
                a.name(),
                "firewall rule '"
                    + a.name()
                    + "' would block "
                    + who()
                    + " from reaching the firewall API at "
                    + net.host()
                    + ":"
                    + net.apiPort()));
      } else if (before != null
          && allowsApiExplicitly(before, aliases)
          && (after == null || !allowsApiExplicitly(after, aliases))) {
        risks.add(
            new Risk(
                RISK,
                a.name(),
                "firewall rule '"
                    + a.name()
                    + "' lets "
                    + who()
                    + " reach the firewall API at "
                    + net.host()
                    + ":"
                    + net.apiPort()
                    + "; this plan "
                    + (after == null ? "deletes" : "disables or changes")
                    + " it"));
      }
    }
    return risks;
  }

  private String who() {
    return net.client() == null ? "this machine" : net.client().getHostAddress();
  }

  private boolean blocksApi(ObjectNode rule, Map<String, List<String>> aliases) {
    String action = text(rule, "action", "pass");
    return Props.bool(rule, "enabled", true)
        && (action.equals("block") || action.equals("reject"))
        && matchesApiTraffic(rule, aliases, true);
  }

  private boolean allowsApiExplicitly(ObjectNode rule, Map<String, List<String>> aliases) {
    return Props.bool(rule, "enabled", true)
        && text(rule, "action", "pass").equals("pass")
        && rule.hasNonNull("port")
        && matchesApiTraffic(rule, aliases, false);
  }

  private boolean matchesApiTraffic(
      ObjectNode r, Map<String, List<String>> aliases, boolean anyPort) {
    String direction = text(r, "direction", "in");
    if (direction.equals("out")) {
      return false;
    }
    List<String> ifs = Props.list(r, "interface");
    if (!ifs.isEmpty()
        && ifs.stream().allMatch(i -> i.equalsIgnoreCase("wan"))
        && net.firewall() != null
        && (net.firewall().isSiteLocalAddress() || net.firewall().isLoopbackAddress())) {
      return false;
    }
    String proto =
        text(r, "protocol", r.hasNonNull("port") ? "tcp" : "any").toLowerCase(Locale.ROOT);
    if (!proto.equals("any") && !proto.equals("tcp") && !proto.equals("tcp/udp")) {
      return false;
    }
    return addressMatches(r.get("source"), net.client(), aliases, false)
        && addressMatches(r.get("destination"), net.firewall(), aliases, true)
        && portMatches(r.get("port"), aliases, anyPort);
  }

  private boolean addressMatches(
      JsonNode value, InetAddress target, Map<String, List<String>> aliases, boolean firewall) {
    if (value == null || value.isNull()) {
      return true;
    }
    if (Values.containsUnknown(value)) {
      return false;
    }
    for (String item : Props.list(value)) {
      String v = item.trim();
      boolean not = v.startsWith("!");
      if (not) {
        v = v.substring(1).trim();
      }
      Boolean m = single(v, target, aliases, firewall, 0);
      if (m == null) {
        continue;
      }
      if (m != not) {
        return true;
      }
    }
    return false;
  }

  /** Whether one entry covers {@code target}; null when it cannot be told. */
  private Boolean single(
      String v,
      InetAddress target,
      Map<String, List<String>> aliases,
      boolean firewall,
      int depth) {
    String l = v.toLowerCase(Locale.ROOT);
    if (l.equals("any") || l.isEmpty()) {
      return true;
    }
    if (firewall && (l.equals("(self)") || l.endsWith("ip") && l.matches("^[a-z0-9_]+ip$"))) {
      return true;
    }
    if (aliases.containsKey(v) && depth < 4) {
      for (String entry : aliases.get(v)) {
        Boolean m = single(entry.trim(), target, aliases, firewall, depth + 1);
        if (Boolean.TRUE.equals(m)) {
          return true;
        }
      }
      return false;
    }
    if (target == null) {
      return null;
    }
    return contains(v, target);
  }

  static Boolean contains(String cidr, InetAddress target) {
    try {
      String addr = cidr;
      int bits = -1;
      int slash = cidr.indexOf('/');
      if (slash >= 0) {
        addr = cidr.substring(0, slash);
        bits = Integer.parseInt(cidr.substring(slash + 1));
      }
      if (!addr.matches("^[0-9a-fA-F:.]+$") || !(addr.contains(".") || addr.contains(":"))) {
        return null;
      }
      byte[] net = InetAddress.getByName(addr).getAddress();
      byte[] t = target.getAddress();
      if (net.length != t.length) {
        return false;
      }
      if (bits < 0) {
        bits = net.length * 8;
      }
      BigInteger mask =
          BigInteger.ONE.shiftLeft(net.length * 8).subtract(BigInteger.ONE).shiftRight(bits).not();
      return new BigInteger(1, net).and(mask).equals(new BigInteger(1, t).and(mask));
    } catch (Exception e) {
      return null;
    }
  }

  private boolean portMatches(JsonNode value, Map<String, List<String>> aliases, boolean anyPort) {
    if (value == null || value.isNull() || value.asText().isEmpty()) {
      return anyPort;
    }
    if (Values.containsUnknown(value)) {
      return false;
    }
    String p = value.asText().trim().toLowerCase(Locale.ROOT);
    if (aliases.containsKey(value.asText())) {
      for (String entry : aliases.get(value.asText())) {
        if (portText(entry.trim().toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      return false;
    }
    return portText(p);
  }

  private boolean portText(String p) {
    int port = net.apiPort();
    Map<String, Integer> names = Map.of("https", 443, "http", 80, "ssh", 22);
    if (names.containsKey(p)) {
      return names.get(p) == port;
    }
    try {
      int dash = p.indexOf('-') > 0 ? p.indexOf('-') : p.indexOf(':');
      if (dash > 0) {
        int lo = Integer.parseInt(p.substring(0, dash));
        int hi = Integer.parseInt(p.substring(dash + 1));
        return lo <= port && port <= hi;
      }
      return Integer.parseInt(p) == port;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String text(ObjectNode r, String key, String dflt) {
    String v = Props.text(r, key);
    return v == null || Values.isUnknown(r.get(key)) ? dflt : v.toLowerCase(Locale.ROOT);
  }
}
