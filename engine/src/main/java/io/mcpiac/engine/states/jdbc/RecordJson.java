package io.mcpiac.engine.states.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceState;
import io.mcpiac.engine.states.ResourceRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON columns' text, and a resource record as one JSON object (a checkpoint's copy). Spelled
 * out rather than left to Jackson's record mapping, so that the stored format only changes on
 * purpose.
 */
final class RecordJson {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private RecordJson() {}

  static String text(JsonNode node) {
    return node == null ? null : Json.write(node);
  }

  static ObjectNode object(String text) {
    return text == null ? null : Json.parseObject(text);
  }

  static String names(List<String> names) {
    return Json.write(names);
  }

  static List<String> names(String text) {
    try {
      return text == null ? List.of() : Json.MAPPER.readValue(text, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored dependencies are not a JSON list: " + text, e);
    }
  }

  static String stateLabel(ResourceState state) {
    return state == null ? null : state.label();
  }

  static ResourceState state(String label) {
    return label == null ? null : ResourceState.fromLabel(label);
  }

  /** Records as one JSON array: a checkpoint's immutable copy. */
  static String records(Iterable<ResourceRecord> records) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (ResourceRecord record : records) {
      ObjectNode node = array.addObject();
      node.put("name", record.name());
      node.put("type", record.type());
      node.put("provider", record.provider());
      node.put("id", record.id());
      node.set("properties", record.properties());
      node.set("outputs", record.outputs());
      node.set("dependencies", Json.MAPPER.valueToTree(record.dependencies()));
      node.put("state", stateLabel(record.state()));
    }
    return Json.write(array);
  }

  static List<ResourceRecord> records(String text) {
    List<ResourceRecord> records = new ArrayList<>();
    for (JsonNode node : Json.parse(text)) {
      List<String> dependencies = new ArrayList<>();
      node.path("dependencies").forEach(name -> dependencies.add(name.asText()));
      records.add(
          new ResourceRecord(
              Json.textOrNull(node, "name"),
              Json.textOrNull(node, "type"),
              Json.textOrNull(node, "provider"),
              Json.textOrNull(node, "id"),
              Json.objectOrNull(node, "properties"),
              Json.objectOrNull(node, "outputs"),
              dependencies,
              state(Json.textOrNull(node, "state"))));
    }
    return records;
  }
}
