package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.ResourceRecord;
import java.util.Iterator;
import java.util.Map;

/** Conversions between state records and the JSON kept in journal rows. */
final class Records {
  private Records() {}

  static ObjectNode toJson(ResourceRecord record) {
    return Json.MAPPER.valueToTree(record);
  }

  static ResourceRecord fromJson(JsonNode json) {
    try {
      return Json.MAPPER.treeToValue(json, ResourceRecord.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable journal record: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code put} as the provider left it: its id and outputs from the call's result. */
  static ResourceRecord applied(
      ResourceRecord put, String id, ObjectNode properties, ObjectNode outputs) {
    return new ResourceRecord(
        put.name(),
        put.type(),
        put.provider(),
        id != null ? id : put.id(),
        properties,
        outputs,
        put.dependencies(),
        io.mcpiac.engine.resources.ResourceState.CREATED);
  }

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
