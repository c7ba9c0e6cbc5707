package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code default} of every top-level property a type's schema declares. A property the file
 * leaves out means its default, so the planner compares the live object against it: a rule whose
 * file does not mention {@code enabled} and that was disabled on the system is drift, not "no
 * changes". Properties without a declared default (values the system computes) are not compared
 * when left out; neither are secrets (they are never read back).
 */
public final class SchemaDefaults {
  private final Map<String, JsonNode> defaults;

  private SchemaDefaults(Map<String, JsonNode> defaults) {
    this.defaults = defaults;
  }

  public static SchemaDefaults of(ResourceType type) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JsonNode props = type.schema() == null ? null : type.schema().get("properties");
    if (props != null && props.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode dflt = e.getValue().get("default");
        if (dflt != null && !type.secretProperties().contains(e.getKey())) {
          out.put(e.getKey(), dflt);
        }
      }
    }
    return new SchemaDefaults(Map.copyOf(out));
  }

  public Map<String, JsonNode> all() {
    return defaults;
  }

  /**
   * {@code properties} with the default of every property it leaves out that {@code present} has
   * (so a diff against {@code present} compares like with like).
   */
  public ObjectNode fill(ObjectNode properties, ObjectNode present) {
    ObjectNode out = Json.copy(properties);
    defaults.forEach(
        (key, dflt) -> {
          if (!out.has(key) && present.has(key)) {
            out.set(key, dflt.deepCopy());
          }
        });
    return out;
  }

  /**
   * {@code desired} with the default of every property the plan changes but the file leaves out:
   * the provider is told to put it back, not left to guess what an absent property means.
   */
  public ObjectNode fillChanged(ObjectNode desired, List<PropertyChange> changes) {
    if (desired == null) {
      return null;
    }
    ObjectNode out = desired;
    for (PropertyChange c : changes) {
      JsonNode dflt = defaults.get(c.path());
      if (dflt != null && !desired.has(c.path())) {
        if (out == desired) {
          out = Json.copy(desired);
        }
        out.set(c.path(), dflt.deepCopy());
      }
    }
    return out;
  }
}
