package io.mcpiac.opnsense.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tolerant decoding of what OPNsense's {@code get} and {@code search} answer (contract 1.8, 1.10):
 * a field is a plain string, an option map ({@code {"key":{"value":"Label","selected":1}}}, whose
 * selected keys are the stored value), a list map ({@code AsList}/CSV fields, every item selected),
 * {@code []} where a map was expected (nothing selected), or a container of further fields.
 * Description keys ({@code %field}) are ignored. The result is flat: {@code source.network}.
 */
public final class FieldDecoder {
  private FieldDecoder() {}

  /** One item of a {@code get} or one search row, flattened to raw stored values. */
  public static Map<String, String> flatten(JsonNode item) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", item, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node == null || !node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.startsWith("%")) {
        continue;
      }
      JsonNode v = e.getValue();
      String path = prefix + key;
      if (v.isTextual() || v.isNumber() || v.isBoolean()) {
        out.put(path, v.asText());
      } else if (v.isNull()) {
        out.put(path, "");
      } else if (v.isArray()) {
        // [] is an empty option map; a list of strings is a plain multi-value
        List<String> items = new ArrayList<>();
        v.forEach(x -> items.add(x.isValueNode() ? x.asText() : ""));
        out.put(path, String.join(",", items));
      } else if (isOptionMap(v)) {
        out.put(path, String.join(",", selectedKeys(v)));
      } else {
        flatten(path + ".", v, out);
      }
    }
  }

  /** An object whose members are all {@code {value, selected}} objects. */
  static boolean isOptionMap(JsonNode v) {
    if (!v.isObject() || v.isEmpty()) {
      return false;
    }
    for (JsonNode option : v) {
      if (!option.isObject() || !option.has("selected")) {
        return false;
      }
    }
    return true;
  }

  static List<String> selectedKeys(JsonNode map) {
    List<String> keys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode selected = e.getValue().get("selected");
      boolean on =
          selected != null
              && (selected.asInt(0) == 1
                  || selected.asBoolean(false)
                  || "1".equals(selected.asText()));
      if (on && !e.getKey().isEmpty()) {
        keys.add(e.getKey());
      }
    }
    return keys;
  }
}
