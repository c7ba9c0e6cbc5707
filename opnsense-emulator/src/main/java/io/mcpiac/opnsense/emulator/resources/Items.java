package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.config.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small helpers for the model hooks: comma lists, rewriting references across lists. */
final class Items {
  private Items() {}

  static List<String> csv(String v) {
    if (v == null || v.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(v.split(","));
  }

  static boolean in(String v, String... options) {
    for (String o : options) {
      if (o.equalsIgnoreCase(v)) {
        return true;
      }
    }
    return false;
  }

  /** Replaces {@code from} by {@code to} as a comma-list item in the named fields of a list. */
  static void renameInList(
      Config config, String collection, String from, String to, String... fields) {
    for (Map.Entry<String, JsonNode> e : config.items(collection)) {
      ObjectNode item = (ObjectNode) e.getValue();
      for (String path : fields) {
        ObjectNode holder = item;
        String name = path;
        if (path.contains(".")) {
          JsonNode c = item.get(path.substring(0, path.indexOf('.')));
          if (!(c instanceof ObjectNode)) {
            continue;
          }
          holder = (ObjectNode) c;
          name = path.substring(path.indexOf('.') + 1);
        }
        String v = holder.path(name).asText("");
        String sep = v.contains("\n") ? "\n" : ",";
        List<String> parts = new ArrayList<>(Arrays.asList(v.split(sep, -1)));
        if (parts.contains(from)) {
          parts.replaceAll(p -> p.equals(from) ? to : p);
          holder.put(name, String.join(sep, parts));
        }
      }
    }
  }
}
