package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;
import java.util.Iterator;
import java.util.Map;

/** What of a recorded resource may be sent back to its provider. */
final class Records {
  private Records() {}

  /** Properties to send to a provider: stand-ins of secrets that are not known are left out. */
  static ObjectNode withoutStandIns(ObjectNode properties) {
    ObjectNode out = Json.copy(properties);
    removeStandIns(out);
    return out;
  }

  // nested too: a secret under native.password is recorded as a digest like a top-level one
  private static void removeStandIns(ObjectNode node) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      JsonNode value = it.next().getValue();
      if (Values.isSensitive(value)) {
        it.remove();
      } else if (value instanceof ObjectNode child) {
        removeStandIns(child);
      }
    }
  }
}
