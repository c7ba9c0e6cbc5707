package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The part of a resource's properties that is known before apply: references become {@link
 * Values#UNKNOWN} and are then removed, with the paths they were at. A JSON Schema can only judge
 * what is known; {@code required} must not complain about what was removed.
 *
 * @param known a copy without unknown values (an array with an unknown element is removed whole,
 *     since removing one element would shift the others)
 * @param removed the paths of removed values, relative to the properties: {@code servers[0].host}
 */
record KnownValues(ObjectNode known, Set<String> removed) {

  static KnownValues of(ObjectNode properties) {
    // malformed expressions are reported on their own; judged as text they would only add noise
    ObjectNode resolved =
        References.resolveObject(markMalformed(properties), ref -> Values.UNKNOWN);
    Set<String> removed = new HashSet<>();
    strip(resolved, "", removed);
    return new KnownValues(resolved, removed);
  }

  private static void strip(ObjectNode object, String path, Set<String> removed) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String childPath = SourceMap.child(path, e.getKey());
      if (isUnknown(e.getValue())) {
        removed.add(childPath);
        it.remove();
      } else {
        stripInside(e.getValue(), childPath, removed);
      }
    }
  }

  private static void stripInside(JsonNode value, String path, Set<String> removed) {
    if (value.isObject()) {
      strip((ObjectNode) value, path, removed);
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        stripInside(value.get(i), SourceMap.element(path, i), removed);
      }
    }
  }

  private static ObjectNode markMalformed(ObjectNode properties) {
    return (ObjectNode) markMalformedIn(properties);
  }

  private static JsonNode markMalformedIn(JsonNode value) {
    if (value.isTextual()) {
      return References.malformed(value.textValue()).isEmpty() ? value : Values.UNKNOWN;
    }
    if (value.isObject()) {
      ObjectNode out = Json.object();
      value.fields().forEachRemaining(e -> out.set(e.getKey(), markMalformedIn(e.getValue())));
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      value.forEach(element -> out.add(markMalformedIn(element)));
      return out;
    }
    return value;
  }

  /** Unknown, or an array holding an unknown element directly. */
  private static boolean isUnknown(JsonNode value) {
    if (Values.isUnknown(value)) {
      return true;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (isUnknown(element)) {
          return true;
        }
      }
    }
    return false;
  }
}
