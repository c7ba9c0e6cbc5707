package io.mcpiac.engine.states;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Outputs;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;

/** A deployment's state as JSON, in the seed's Resource shape; secrets as (sensitive). */
public final class StateJson {
  private StateJson() {}

  public static ObjectNode of(DeploymentState state) {
    ObjectNode out = Json.object();
    out.put("deployment", state.name());
    out.put("version", state.version());
    if (state.updatedAt() != null) {
      out.put("updatedAt", state.updatedAt().toString());
    }
    ArrayNode resources = out.putArray("resources");
    state.resources().values().forEach(r -> resources.add(of(r)));
    out.set("outputs", outputs(state));
    return out;
  }

  /** The deployment's outputs ({@code spec.outputs}) as recorded; sensitive ones as (sensitive). */
  public static ObjectNode outputs(DeploymentState state) {
    return state
        .resource(Outputs.RESOURCE)
        .map(r -> (ObjectNode) Values.masked(Outputs.values(r.properties())))
        .orElseGet(Json::object);
  }

  public static ObjectNode of(ResourceRecord r) {
    ObjectNode node = Json.object();
    node.put("id", r.id());
    node.put("type", r.type());
    node.put("name", r.name());
    node.put("provider", r.provider());
    node.set("properties", Values.masked(r.properties()));
    node.set("dependencies", Json.MAPPER.valueToTree(r.dependencies()));
    node.set("outputs", Values.masked(r.outputs()));
    node.put("state", r.state().label());
    return node;
  }

  public static ObjectNode of(Checkpoint c) {
    ObjectNode node = Json.object();
    node.put("id", c.id());
    node.put("deployment", c.deployment());
    node.put("version", c.version());
    node.put("timestamp", c.timestamp().toString());
    node.put("description", c.description());
    node.put("resources", c.resources().size());
    node.put("configuration", c.configuration() != null);
    return node;
  }
}
