package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading typed values out of (schema-checked) resource properties. */
final class Props {
  private Props() {}

  static String text(ObjectNode props, String key) {
    JsonNode v = props == null ? null : props.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  static boolean known(ObjectNode props, String key) {
    JsonNode v = props == null ? null : props.get(key);
    return v != null && !Values.containsUnknown(v);
  }

  static List<String> texts(ObjectNode props, String key) {
    List<String> out = new ArrayList<>();
    JsonNode v = props == null ? null : props.get(key);
    if (v != null && v.isArray()) {
      v.forEach(item -> out.add(item.asText()));
    }
    return out;
  }

  /** A map of scalars ({@code env}, {@code labels}, {@code buildArgs}) as strings. */
  static Map<String, String> map(ObjectNode props, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode v = props == null ? null : props.get(key);
    if (v != null && v.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
      }
    }
    return out;
  }
}
