package io.mcpiac.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.errors.InvalidInputException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment's state as a document of its own, for {@code state export} and {@code state import}:
 *
 * <pre>{@code
 * {"format": "mcp-iac-state/1", "deployment": "web", "version": 7,
 *  "updatedAt": "2026-11-21T10:00:00Z",
 *  "resources": [{"name", "type", "provider", "id", "properties", "outputs",
 *                 "dependencies": [...], "state": "created"}],
 *  "checkpoints": [{"id", "version", "timestamp", "description", "resources": [...]}]}
 * }</pre>
 *
 * Resources are written exactly as state records them (secrets are already salted digests there),
 * so an import restores them unchanged; checkpoints newest first.
 */
public record StateExport(DeploymentState state, List<Checkpoint> checkpoints) {
  /** The {@code format} this class writes and the only one it reads. */
  public static final String FORMAT = "mcp-iac-state/1";

  public StateExport {
    checkpoints = List.copyOf(checkpoints);
  }

  public ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("format", FORMAT);
    out.put("deployment", state.name());
    out.put("version", state.version());
    out.put("updatedAt", state.updatedAt() == null ? null : state.updatedAt().toString());
    out.set("resources", resources(state.resources().values()));
    ArrayNode list = out.putArray("checkpoints");
    for (Checkpoint checkpoint : checkpoints) {
      ObjectNode node = list.addObject();
      node.put("id", checkpoint.id());
      node.put("version", checkpoint.version());
      node.put("timestamp", checkpoint.timestamp().toString());
      node.put("description", checkpoint.description());
      if (checkpoint.configuration() != null) {
        node.set("configuration", io.mcpiac.engine.json.Json.parse(checkpoint.configuration()));
      }
      node.set("resources", resources(checkpoint.resources()));
    }
    return out;
  }

  /**
   * Reads a document {@link #toJson} wrote.
   *
   * @throws IllegalArgumentException naming what is wrong, for anything else
   */
  public static StateExport fromJson(JsonNode json) {
    if (!json.isObject()) {
      throw new InvalidInputException("a state export is a JSON object");
    }
    String format = json.path("format").asText("");
    if (!FORMAT.equals(format)) {
      throw new InvalidInputException(
          "unknown state export format '" + format + "' (expected " + FORMAT + ")");
    }
    String deployment = required(json, "deployment");
    Map<String, ResourceRecord> resources = new LinkedHashMap<>();
    for (ResourceRecord record : resources(json.path("resources"), "resources")) {
      if (resources.put(record.name(), record) != null) {
        throw new InvalidInputException("resource '" + record.name() + "' appears twice");
      }
    }
    DeploymentState state =
        new DeploymentState(
            deployment,
            json.path("version").asLong(0),
            instant(json.get("updatedAt"), "updatedAt"),
            resources);
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (JsonNode node : json.path("checkpoints")) {
      String id = required(node, "id");
      required(node, "timestamp");
      checkpoints.add(
          new Checkpoint(
              id,
              deployment,
              node.path("version").asLong(0),
              instant(node.get("timestamp"), "checkpoint " + id + " timestamp"),
              node.path("description").asText(""),
              resources(node.path("resources"), "checkpoint " + id),
              node.hasNonNull("configuration")
                  ? io.mcpiac.engine.json.Json.write(node.get("configuration"))
                  : null));
    }
    return new StateExport(state, checkpoints);
  }

  private static ArrayNode resources(Iterable<ResourceRecord> records) {
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
      node.put("state", record.state() == null ? null : record.state().label());
    }
    return array;
  }

  private static List<ResourceRecord> resources(JsonNode array, String where) {
    if (!array.isArray()) {
      throw new InvalidInputException(where + ": 'resources' must be a list");
    }
    List<ResourceRecord> records = new ArrayList<>();
    for (JsonNode node : array) {
      List<String> dependencies = new ArrayList<>();
      node.path("dependencies").forEach(name -> dependencies.add(name.asText()));
      String state = Json.textOrNull(node, "state");
      records.add(
          new ResourceRecord(
              required(node, "name"),
              required(node, "type"),
              Json.textOrNull(node, "provider"),
              Json.textOrNull(node, "id"),
              node.get("properties") instanceof ObjectNode o ? o : null,
              node.get("outputs") instanceof ObjectNode o ? o : null,
              dependencies,
              state == null ? null : ResourceState.fromLabel(state)));
    }
    return records;
  }

  private static String required(JsonNode node, String field) {
    String value = Json.textOrNull(node, field);
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException("missing '" + field + "' in the state export");
    }
    return value;
  }

  private static Instant instant(JsonNode value, String what) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(what + " is not a timestamp: " + value.asText(), e);
    }
  }
}
