package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Source/destination values: {@code any}, an address, a CIDR, an alias or an interface network, one
 * or a list, with a leading {@code !} for "not" (stored by OPNsense in a separate field).
 */
final class Addresses {
  private Addresses() {}

  static void put(
      ObjectNode fields, ObjectNode props, String property, String netField, String notField) {
    List<String> items = Props.list(props, property);
    boolean not = false;
    List<String> nets = new ArrayList<>();
    for (String item : items) {
      String t = item.trim();
      if (t.startsWith("!")) {
        not = true;
        t = t.substring(1).trim();
      }
      nets.add(t);
    }
    ResourceMapping.put(fields, netField, nets.isEmpty() ? "any" : String.join(",", nets));
    ResourceMapping.put(fields, notField, not ? "1" : "0");
  }

  static void read(
      ObjectNode props,
      java.util.Map<String, String> row,
      String property,
      String netField,
      String notField) {
    String net = row.get(netField);
    if (net == null) {
      return;
    }
    if (net.isEmpty()) {
      net = "any";
    }
    boolean not = "1".equals(row.get(notField));
    String[] parts = net.split(",");
    if (parts.length == 1) {
      props.put(property, (not ? "!" : "") + net);
    } else {
      var a = props.putArray(property);
      for (String p : parts) {
        a.add((not ? "!" : "") + p);
      }
    }
  }

  /** OPNsense's protocol key: {@code any}, or the upper-case name ({@code TCP/UDP}). */
  static String protocolUpper(ObjectNode props, boolean hasPorts, String none) {
    String p = Props.text(props, "protocol");
    if (p == null || p.isBlank()) {
      return hasPorts ? "TCP" : none;
    }
    return p.equalsIgnoreCase("any") ? none : p.toUpperCase(Locale.ROOT);
  }

  static String protocolRead(String stored) {
    return stored == null || stored.isEmpty() ? "any" : stored.toLowerCase(Locale.ROOT);
  }
}
