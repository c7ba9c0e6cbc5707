package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/** Walks a property value and names every text inside it by path: {@code servers[0].host}. */
final class PropertyPaths {
  private PropertyPaths() {}

  /** Calls {@code action} with (path, text) for every string under {@code value}. */
  static void forEachText(JsonNode value, String path, BiConsumer<String, String> action) {
    if (value == null) {
      return;
    }
    if (value.isTextual()) {
      action.accept(path, value.textValue());
    } else if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        forEachText(e.getValue(), SourceMap.child(path, e.getKey()), action);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        forEachText(value.get(i), SourceMap.element(path, i), action);
      }
    }
  }
}
