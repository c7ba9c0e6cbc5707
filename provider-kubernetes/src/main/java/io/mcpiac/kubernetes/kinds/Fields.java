package io.mcpiac.kubernetes.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.util.Iterator;
import java.util.Map;

/** Small conversions between friendly values and the shapes Kubernetes objects use. */
final class Fields {
  private Fields() {}

  /** The object at {@code path} under {@code node}, created where missing. */
  static ObjectNode at(ObjectNode node, String... path) {
    ObjectNode n = node;
    for (String p : path) {
      n = n.get(p) instanceof ObjectNode o ? o : n.putObject(p);
    }
    return n;
  }

  /** {@code {A: "1"}} as {@code [{name: A, value: "1"}]} (a container's env). */
  static ArrayNode nameValues(JsonNode map) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    if (map != null && map.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.addObject()
            .put("name", e.getKey())
            .put("value", e.getValue().isNull() ? "" : e.getValue().asText());
      }
    }
    return out;
  }

  /** The reverse of {@link #nameValues}: a value taken from elsewhere reads as its source. */
  static ObjectNode map(JsonNode nameValues) {
    ObjectNode out = Json.object();
    for (JsonNode e : nameValues) {
      if (e.has("value")) {
        out.put(e.path("name").asText(), e.path("value").asText());
      } else {
        out.set(e.path("name").asText(), e.path("valueFrom"));
      }
    }
    return out;
  }

  /** A copy of an object of strings, or an empty one. */
  static ObjectNode strings(JsonNode map) {
    ObjectNode out = Json.object();
    if (map != null && map.isObject()) {
      map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  /** Sets {@code key} to a copy of {@code value} when it is present. */
  static void copy(JsonNode value, ObjectNode into, String key) {
    if (value != null && !value.isMissingNode() && !value.isNull()) {
      into.set(key, value.deepCopy());
    }
  }
}
