package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What OPNsense would refuse and is cheap to know before anything is sent (issue 14), and what it
 * would save although the service then breaks (warnings). The messages say what OPNsense checks, by
 * its source (contract 2.1, 2.2, 2.8, 2.9, 2.11).
 */
public final class PlanChecks {
  private PlanChecks() {}

  /**
   * Errors keyed by property. {@code userExists} answers whether a user of that login name is on
   * the firewall already (null when that is not known, e.g. offline).
   */
  public static Map<String, String> errors(
      String type, String resource, ObjectNode props, Predicate<String> userExists) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, PortSyntax.Context> p : PortSyntax.properties(type, props).entrySet()) {
      String v = known(props, p.getKey());
      String problem = v == null ? null : PortSyntax.problem(v, p.getValue());
      if (problem != null) {
        out.put(p.getKey(), problem);
      }
    }
    AddressSyntax.check(type, props, out);
    switch (type) {
      case "opnsense:firewall:alias" -> aliasPorts(props, out);
      case "opnsense:service:dhcp:static" -> dnsmasqHost(props, out);
      case "opnsense:security:user" -> userPassword(resource, props, userExists, out);
      default -> {
        // no further checks
      }
    }
    return out;
  }

  /** Login names of the firewall's users (one search), as a test for {@link #errors}. */
  public static Predicate<String> usersOn(Lookups lookups) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Map<String, String> row : lookups.rows(UserMapping.USERS)) {
      names.add(row.getOrDefault("name", ""));
    }
    return names::contains;
  }

  /** Warnings: saved by OPNsense, but the service will not work as meant. */
  public static List<String> warnings(String type, ObjectNode props) {
    if (type.equals("opnsense:service:dns:override")) {
      String rr = known(props, "type");
      String address = known(props, "address");
      if (address != null && !address.isEmpty()) {
        boolean v6 = address.contains(":");
        if ((rr == null || "A".equals(rr)) && v6) {
          return List.of(
              "address "
                  + address
                  + " is IPv6 but the record type is A: OPNsense saves it, Unbound then serves a"
                  + " broken record (use type: AAAA)");
        }
        if ("AAAA".equals(rr) && !v6) {
          return List.of(
              "address "
                  + address
                  + " is IPv4 but the record type is AAAA: OPNsense saves it, Unbound then serves"
                  + " a broken record (use type: A)");
        }
      }
    }
    return List.of();
  }

  private static void aliasPorts(ObjectNode props, Map<String, String> out) {
    if (!"port".equals(known(props, "type"))) {
      return;
    }
    JsonNode content = props.get("content");
    if (content == null || Values.containsUnknown(content)) {
      return;
    }
    for (String entry : Props.list(content)) {
      String problem = PortSyntax.problem(entry, PortSyntax.Context.COLON_RANGE);
      if (problem != null) {
        out.put("content", problem);
        return;
      }
    }
  }

  /**
   * {@code Dnsmasq::performValidation}: a host without MAC is a host override and needs both a host
   * name and an address; a DHCP host needs one of them and no wildcard name.
   */
  private static void dnsmasqHost(ObjectNode props, Map<String, String> out) {
    if (!"dnsmasq".equals(known(props, "server"))) {
      return;
    }
    String ip = known(props, "ip");
    String host = known(props, "hostname");
    String mac = known(props, "mac");
    boolean unknown = props.has("ip") && ip == null || props.has("hostname") && host == null;
    if (unknown || props.has("mac") && mac == null) {
      return;
    }
    boolean dhcp = mac != null && !mac.isEmpty();
    boolean noIp = ip == null || ip.isEmpty();
    boolean noHost = host == null || host.isEmpty();
    if (!dhcp && (noIp || noHost)) {
      out.put(
          noIp ? "ip" : "hostname",
          "a dnsmasq host without a MAC address is a host override: OPNsense needs both hostname"
              + " and ip (\"Both hostname and IP address are required for host overrides.\")");
    } else if (dhcp && noIp && noHost) {
      out.put(
          "ip",
          "a dnsmasq DHCP host needs a hostname or an ip (\"At least a hostname or IP address must"
              + " be provided for DHCP reservations.\")");
    } else if (dhcp && "*".equals(host)) {
      out.put("hostname", "a dnsmasq DHCP host cannot have the wildcard name '*'");
    }
  }

  /** {@code User::performValidation}: a new user needs a password ("A password is required"). */
  private static void userPassword(
      String resource, ObjectNode props, Predicate<String> userExists, Map<String, String> out) {
    if (props.has("password") || userExists == null) {
      return;
    }
    String name = known(props, "name");
    String login = name != null ? name : resource;
    if (!userExists.test(login)) {
      out.put(
          "password",
          "user '"
              + login
              + "' is not on the firewall yet, and OPNsense refuses to create a user without a"
              + " password (\"A password is required\"): set password");
    }
  }

  /** A property's text when it is known at plan time, else null. */
  private static String known(ObjectNode props, String key) {
    JsonNode v = props.get(key);
    if (v == null || v.isNull() || Values.containsUnknown(v) || v.isContainerNode()) {
      return null;
    }
    return v.asText();
  }
}
