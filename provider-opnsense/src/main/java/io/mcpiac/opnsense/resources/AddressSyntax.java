package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.Values;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Addresses written as IPv4 literals must be IPv4 addresses: OPNsense's NetworkField and its
 * address fields refuse {@code 999.1.1.1} (it is no alias name either: those start with a letter or
 * {@code _}). Only values that look like a dotted IPv4 literal are checked; names, aliases, ranges,
 * IPv6 and {@code any} are left to the firewall, which knows its aliases and interfaces.
 */
final class AddressSyntax {
  private AddressSyntax() {}

  private static final Pattern DOTTED = Pattern.compile("[0-9]+(\\.[0-9]+)+(/[0-9]+)?");

  /** The properties of each type that hold addresses (a value or a list). */
  private static final Map<String, List<String>> PROPERTIES =
      Map.of(
          "opnsense:firewall:rule", List.of("source", "destination"),
          "opnsense:firewall:nat", List.of("source", "destination", "target", "external"),
          "opnsense:service:dns:override", List.of("address"),
          "opnsense:service:dhcp:range", List.of("start", "end"),
          "opnsense:service:dhcp:static", List.of("ip"));

  static void check(String type, ObjectNode props, Map<String, String> out) {
    for (String property : PROPERTIES.getOrDefault(type, List.of())) {
      JsonNode value = props.get(property);
      if (value == null
          || Values.containsUnknown(value)
          || value.isContainerNode() && !value.isArray()) {
        continue;
      }
      for (String item : Props.list(value)) {
        String problem = problem(item);
        if (problem != null) {
          out.putIfAbsent(property, problem);
          break;
        }
      }
    }
  }

  /** Why {@code value} is not a valid IPv4 address or network, or null. */
  static String problem(String value) {
    String v = value.trim();
    if (v.startsWith("!")) {
      v = v.substring(1).trim();
    }
    if (!DOTTED.matcher(v).matches()) {
      return null;
    }
    String address = v;
    int slash = v.indexOf('/');
    if (slash >= 0) {
      address = v.substring(0, slash);
      String bits = v.substring(slash + 1);
      if (bits.length() > 2 || Integer.parseInt(bits) > 32) {
        return "'" + value + "' is not a valid IPv4 network: the prefix length is 0 to 32";
      }
    }
    String[] octets = address.split("\\.", -1);
    if (octets.length != 4) {
      return "'" + value + "' is not a valid IPv4 address: it has four numbers from 0 to 255";
    }
    for (String o : octets) {
      if (o.isEmpty() || o.length() > 3 || Integer.parseInt(o) > 255) {
        return "'" + value + "' is not a valid IPv4 address: each number is 0 to 255";
      }
    }
    return null;
  }
}
