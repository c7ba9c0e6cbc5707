package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds the engine's internal marker character in input. The engine's stand-ins ({@code
 * \u0000unknown}, {@code \u0000sensitive:…}) start with it; a configuration or an MCP argument that
 * could write one could make a plain value pass for a secret's digest or for "known after apply".
 */
final class InternalMarkers {
  private InternalMarkers() {}

  /** The paths (relative to {@code base}) of every key or string that contains the marker. */
  static List<String> find(JsonNode value, String base) {
    List<String> out = new ArrayList<>();
    collect(value, base, out);
    return out;
  }

  private static void collect(JsonNode value, String path, List<String> out) {
    if (value == null) {
      return;
    }
    if (value.isTextual()) {
      if (value.textValue().contains(Values.INTERNAL_MARK)) {
        out.add(path);
      }
    } else if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = path + "." + e.getKey();
        if (e.getKey().contains(Values.INTERNAL_MARK)) {
          out.add(child);
        }
        collect(e.getValue(), child, out);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        collect(value.get(i), path + "[" + i + "]", out);
      }
    }
  }
}
