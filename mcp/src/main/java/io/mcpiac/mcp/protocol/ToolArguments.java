package io.mcpiac.mcp.protocol;

import static io.mcpiac.mcp.protocol.Arguments.CONFIRM;
import static io.mcpiac.mcp.protocol.Arguments.DEPLOYMENT_ID;
import static io.mcpiac.mcp.protocol.Arguments.DESCRIPTION;
import static io.mcpiac.mcp.protocol.Arguments.OPTIONS;
import static io.mcpiac.mcp.protocol.Arguments.PLAN_ID;
import static io.mcpiac.mcp.protocol.Arguments.RESOURCES;
import static io.mcpiac.mcp.protocol.Arguments.SNAPSHOT_ID;
import static io.mcpiac.mcp.protocol.Arguments.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.json.Json;
import java.util.List;

/**
 * The arguments of the standard tools the orchestrator calls, as values: the client writes them
 * with {@link #toJson}, the server's tools read them with each record's {@code from}. Their JSON is
 * what any MCP client sends (the tools' input schemas).
 */
public sealed interface ToolArguments {

  StandardTool tool();

  ObjectNode toJson();

  /**
   * One of the seed's Resource objects given to {@code planDeployment}.
   *
   * @param keepSecrets secret properties (declared names or dotted paths) left out of {@code
   *     properties} that the server keeps as it holds them (see {@link Arguments#KEEP_SECRETS})
   */
  record Resource(
      String type,
      String name,
      ObjectNode properties,
      List<String> dependencies,
      List<String> keepSecrets) {
    public Resource {
      dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
      keepSecrets = keepSecrets == null ? List.of() : List.copyOf(keepSecrets);
    }

    public Resource(String type, String name, ObjectNode properties, List<String> dependencies) {
      this(type, name, properties, dependencies, List.of());
    }

    ObjectNode toJson() {
      ObjectNode r = Json.object();
      r.put("type", type);
      r.put("name", name);
      r.set("properties", properties == null ? Json.object() : properties.deepCopy());
      if (!dependencies.isEmpty()) {
        ArrayNode deps = r.putArray("dependencies");
        dependencies.forEach(deps::add);
      }
      if (!keepSecrets.isEmpty()) {
        ArrayNode keep = r.putArray(Arguments.KEEP_SECRETS);
        keepSecrets.forEach(keep::add);
      }
      return r;
    }
  }

  /** {@code planDeployment} of a whole deployment given as resources. */
  record Plan(String deploymentId, List<Resource> resources) implements ToolArguments {
    @Override
    public StandardTool tool() {
      return StandardTool.PLAN_DEPLOYMENT;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode o = Json.object();
      o.put(DEPLOYMENT_ID, deploymentId);
      ArrayNode list = o.putArray(RESOURCES);
      resources.forEach(r -> list.add(r.toJson()));
      return o;
    }
  }

  /** {@code applyDeployment} of a plan. */
  record Apply(String planId, boolean confirm, boolean waitForEnd, ExecutionOptions options)
      implements ToolArguments {
    @Override
    public StandardTool tool() {
      return StandardTool.APPLY_DEPLOYMENT;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode o = Json.object();
      o.put(PLAN_ID, planId);
      o.put(CONFIRM, confirm);
      o.put(WAIT, waitForEnd);
      o.set(OPTIONS, OptionsCodec.encode(options));
      return o;
    }

    public static Apply from(JsonNode args) {
      return new Apply(
          Arguments.requireString(args, PLAN_ID),
          Arguments.bool(args, CONFIRM, false),
          Arguments.bool(args, WAIT, true),
          OptionsCodec.decode(Arguments.options(args)));
    }
  }

  /** {@code getDeploymentState} (and every tool that names only a deployment). */
  record GetState(String deploymentId) implements ToolArguments {
    @Override
    public StandardTool tool() {
      return StandardTool.GET_DEPLOYMENT_STATE;
    }

    @Override
    public ObjectNode toJson() {
      return Json.object().put(DEPLOYMENT_ID, deploymentId);
    }

    public static GetState from(JsonNode args) {
      return new GetState(Arguments.requireString(args, DEPLOYMENT_ID));
    }
  }

  /** {@code createSnapshot} (and {@code createCheckpoint}); description null for the default. */
  record CreateSnapshot(String deploymentId, String description) implements ToolArguments {
    @Override
    public StandardTool tool() {
      return StandardTool.CREATE_SNAPSHOT;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode o = Json.object().put(DEPLOYMENT_ID, deploymentId);
      if (description != null) {
        o.put(DESCRIPTION, description);
      }
      return o;
    }

    public static CreateSnapshot from(JsonNode args) {
      return new CreateSnapshot(
          Arguments.requireString(args, DEPLOYMENT_ID), Arguments.string(args, DESCRIPTION));
    }
  }

  /** {@code rollbackToSnapshot}. */
  record RollbackToSnapshot(String snapshotId, boolean confirm) implements ToolArguments {
    @Override
    public StandardTool tool() {
      return StandardTool.ROLLBACK_TO_SNAPSHOT;
    }

    @Override
    public ObjectNode toJson() {
      return Json.object().put(SNAPSHOT_ID, snapshotId).put(CONFIRM, confirm);
    }
  }

  /** {@code destroyDeployment}. */
  record Destroy(String deploymentId, boolean confirm) implements ToolArguments {
    @Override
    public StandardTool tool() {
      return StandardTool.DESTROY_DEPLOYMENT;
    }

    @Override
    public ObjectNode toJson() {
      return Json.object().put(DEPLOYMENT_ID, deploymentId).put(CONFIRM, confirm);
    }
  }
}
