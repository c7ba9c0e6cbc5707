package io.mcpiac.opnsense.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.config.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The emulated hardware and runtime around the configuration: four NICs, WAN on {@code igb0} and
 * LAN on {@code igb1}, gateways, shells, locales, the groups and privileges of a fresh install —
 * what configd and {@code ifconfig} would report on a real box.
 */
public final class SystemEnvironment {
  /** A physical NIC. */
  public record Device(String name, String mac) {}

  public static final List<Device> DEVICES =
      List.of(
          new Device("igb0", "00:0d:b9:00:00:01"),
          new Device("igb1", "00:0d:b9:00:00:02"),
          new Device("igb2", "00:0d:b9:00:00:03"),
          new Device("igb3", "00:0d:b9:00:00:04"));

  /** Addresses of the assigned interfaces (the assignment API of 26.7 does not manage them). */
  public static final Map<String, String> INTERFACE_ADDRESSES =
      Map.of("wan", "192.0.2.10/24", "lan", "192.168.1.1/24");

  public static final String HOSTNAME = "OPNsense.localdomain";

  private SystemEnvironment() {}

  /** A fresh install's assignment: {@code wan → igb0}, {@code lan → igb1}. */
  public static void seed(Config config) {
    ObjectNode ifs = config.collection(Collections.INTERFACES);
    if (ifs.isEmpty()) {
      ifs.putObject("wan")
          .put("descr", "WAN")
          .put("identifier", "wan")
          .put("if", "igb0")
          .put("lock", "1");
      ifs.putObject("lan")
          .put("descr", "LAN")
          .put("identifier", "lan")
          .put("if", "igb1")
          .put("lock", "1");
    }
    ObjectNode users = config.collection(Collections.USERS);
    if (users.isEmpty()) {
      users
          .putObject("6a1e3c2b-0d4f-4e5a-9b8c-7d6e5f4a3b2c")
          .put("uid", "0")
          .put("name", "root")
          .put("disabled", "0")
          .put("scope", "system")
          .put("descr", "System Administrator")
          .put("priv", "page-all")
          // a bcrypt hash of "opnsense" made for the sandbox: root has a password, as on a real
          // install (OPNsense's default root password)
          .put("password", "$2y$12$1I6Mlm7vk7afxTzRlosR4ubsFus4v3UVz0zqLWJzBHPjXlP/XxEJa");
    }
  }

  /** Assigned interfaces: identifier to description ("LAN"), in config order. */
  public static LinkedHashMap<String, String> interfaces(Config config) {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : config.items(Collections.INTERFACES)) {
      String descr = e.getValue().path("descr").asText();
      out.put(e.getKey(), descr.isEmpty() ? e.getKey().toUpperCase(Locale.ROOT) : descr);
    }
    return out;
  }

  /** Which interface a device is assigned to, or null. */
  public static String assignedTo(Config config, String device) {
    for (Map.Entry<String, JsonNode> e : config.items(Collections.INTERFACES)) {
      if (device.equals(e.getValue().path("if").asText())) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Devices a VLAN or an assignment can use: NICs, then VLAN devices (for QinQ and assignment). */
  public static LinkedHashMap<String, String> devices(Config config) {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    Map<String, String> ifs = interfaces(config);
    for (Device d : DEVICES) {
      String assigned = assignedTo(config, d.name());
      out.put(
          d.name(),
          d.name()
              + " ("
              + d.mac()
              + ")"
              + (assigned == null ? "" : " [" + ifs.get(assigned) + "]"));
    }
    for (Map.Entry<String, JsonNode> e : config.items(Collections.VLANS)) {
      JsonNode v = e.getValue();
      String dev = v.path("vlanif").asText();
      out.put(
          dev,
          dev + " (Tag: " + v.path("tag").asText() + ", Parent: " + v.path("if").asText() + ")");
    }
    return out;
  }

  /** configd population actions used by {@code JsonKeyValueStoreField}s and friends. */
  public static LinkedHashMap<String, String> configd(String action, Config config) {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    if (action == null) {
      return out;
    }
    switch (action) {
      case "interface gateways list -g", "interface gateways list" -> {
        out.put("WAN_DHCP", "WAN_DHCP - 192.0.2.1");
        out.put("WAN_DHCP6", "WAN_DHCP6 - fe80::1");
      }
      case "system list shells" -> {
        out.put("/bin/csh", "/bin/csh");
        out.put("/bin/sh", "/bin/sh");
        out.put("/bin/tcsh", "/bin/tcsh");
        out.put("/usr/local/sbin/opnsense-shell", "/usr/local/sbin/opnsense-shell");
      }
      case "system list locales" -> {
        out.put("en_US", "English");
        out.put("de_DE", "German");
        out.put("fr_FR", "French");
        out.put("nl_NL", "Dutch");
      }
      case "kea list dhcp_options", "dnsmasq list dhcp_options" -> {
        out.put("3", "router [3]");
        out.put("6", "dns-server [6]");
        out.put("15", "domain-name [15]");
        out.put("42", "ntp-server [42]");
        out.put("66", "tftp-server [66]");
        out.put("67", "bootfile-name [67]");
      }
      case "dnsmasq list dhcp_options6" -> {
        out.put("23", "dns-server [23]");
        out.put("24", "domain-search [24]");
      }
      case "interface devices" -> out.putAll(devices(config));
      case "privileges" -> {
        out.put("page-all", "All pages");
        out.put("user-config-readonly", "User - Config - Deny config write");
        out.put("page-firewall-rules", "Firewall: Rules");
        out.put("page-firewall-alias-edit", "Firewall: Alias: Edit");
        out.put("page-system-login-logout", "System: Login / Logout / Dashboard");
      }
      case "groups" -> out.put("1999", "admins");
      default -> {
        // filter list diverts, schedules: none on a fresh install
      }
    }
    return out;
  }
}
