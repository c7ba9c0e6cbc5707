package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.opnsense.client.OpnsenseClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The choices a firewall offers for its option fields, read from a collection's blank {@code get…}
 * (its option maps, contract 1.7), so a wrong value is reported as the value and the choices
 * ("interface 'igc2' is not on this firewall; it has lan, wan, opt1") instead of OPNsense's "Option
 * not in list.", at plan time where the firewall is reachable and when a write is refused.
 */
public final class OptionChoices {
  private final OpnsenseClient client;
  private final Map<Endpoint, Map<String, List<String>>> cache = new ConcurrentHashMap<>();

  public OptionChoices(OpnsenseClient client) {
    this.client = client;
  }

  /** Field (dotted inside containers) → the keys it accepts; empty when it cannot be read. */
  public Map<String, List<String>> of(Endpoint ep) {
    return cache.computeIfAbsent(ep, this::read);
  }

  private Map<String, List<String>> read(Endpoint ep) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try {
      JsonNode item = client.get(ep.base() + "get" + ep.thing()).get(ep.wrapper());
      if (item != null && item.isObject()) {
        collect(item, "", out);
      }
    } catch (RuntimeException e) {
      // no template (a plugin, a version): the firewall's own message stays
    }
    return out;
  }

  private static void collect(JsonNode node, String prefix, Map<String, List<String>> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (!v.isObject()) {
        continue;
      }
      if (isOptionMap(v)) {
        List<String> keys = new ArrayList<>();
        v.fieldNames()
            .forEachRemaining(
                k -> {
                  if (!k.isEmpty()) {
                    keys.add(k);
                  }
                });
        out.put(prefix + e.getKey(), keys);
      } else {
        collect(v, prefix + e.getKey() + ".", out);
      }
    }
  }

  private static boolean isOptionMap(JsonNode v) {
    if (v.isEmpty()) {
      return false;
    }
    for (JsonNode option : v) {
      if (!option.isObject() || !option.has("selected")) {
        return false;
      }
    }
    return true;
  }

  /** The values of {@code raw} (a string or a list) that are not among {@code choices}. */
  public static List<String> notAmong(JsonNode raw, List<String> choices) {
    List<String> bad = new ArrayList<>();
    if (raw == null || raw.isNull() || Values.containsUnknown(raw) || Values.isSensitive(raw)) {
      return bad;
    }
    for (String v : Props.list(raw)) {
      if (!v.isEmpty() && !v.contains("${") && !choices.contains(v)) {
        bad.add(v);
      }
    }
    return bad;
  }

  /** The message for a value the firewall does not offer. */
  public static String message(
      String property, String field, List<String> bad, List<String> choices) {
    String values = "'" + String.join("', '", bad) + "'";
    String list = choices.isEmpty() ? "(none)" : String.join(", ", choices);
    boolean iface = field.equals("interface") || field.equals("if") || field.endsWith(".interface");
    if (iface) {
      return "interface "
          + values
          + (bad.size() == 1 ? " is" : " are")
          + " not on this firewall; it has "
          + list;
    }
    return property + " " + values + " is not a choice this firewall offers; it has " + list;
  }
}
