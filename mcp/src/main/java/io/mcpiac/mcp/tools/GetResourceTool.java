package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.DeploymentSummary;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateJson;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.envelope.ToolFailure;
import io.mcpiac.mcp.protocol.StandardTool;
import java.util.ArrayList;
import java.util.List;

/** {@code getResource}: one recorded resource by provider id, name, or {@code deployment/name}. */
public final class GetResourceTool extends BaseTool {

  public GetResourceTool(ToolContext ctx) {
    super(
        ctx,
        StandardTool.GET_RESOURCE.toolName(),
        "Get a resource",
        "One recorded resource with its properties and outputs: by the provider's id, by"
            + " 'deployment/name', or by name (with deploymentId when names repeat).",
        """
        {
          "type": "object",
          "properties": {
            "id": {"type": "string"},
            "deploymentId": {"type": "string"}
          },
          "required": ["id"]
        }
        """,
        """
        {"type": "object", "description": "The seed's Resource, plus its deployment."}
        """,
        Effect.READ_ONLY,
        true);
  }

  private record Found(String deployment, ResourceRecord record) {}

  @Override
  public Reply call(ToolCall call) {
    String id = call.requireString("id");
    String only = call.string("deploymentId");
    List<Found> byId = new ArrayList<>();
    List<Found> byName = new ArrayList<>();
    for (DeploymentSummary d : ctx.engine().store().deployments()) {
      if (only != null && !only.equals(d.name())) {
        continue;
      }
      for (ResourceRecord r : ctx.engine().state(d.name()).resources().values()) {
        if (id.equals(r.id())) {
          byId.add(new Found(d.name(), r));
        } else if (id.equals(r.name()) || id.equals(d.name() + "/" + r.name())) {
          byName.add(new Found(d.name(), r));
        }
      }
    }
    List<Found> found = byId.isEmpty() ? byName : byId;
    if (found.isEmpty()) {
      throw new ToolFailure(ErrorCode.NOT_FOUND, "no recorded resource '" + id + "'");
    }
    if (found.size() > 1) {
      ObjectNode details = Json.object();
      found.forEach(
          f -> details.withArray("matches").add(f.deployment() + "/" + f.record().name()));
      throw new ToolFailure(
          ErrorCode.VALIDATION_FAILED,
          "'" + id + "' matches " + found.size() + " resources; give deploymentId",
          details);
    }
    Found f = found.get(0);
    ObjectNode data = StateJson.of(f.record());
    data.put("deployment", f.deployment());
    return new Reply(
        data,
        f.record().type()
            + " "
            + f.deployment()
            + "/"
            + f.record().name()
            + " id="
            + f.record().id()
            + "\n"
            + Json.pretty(data));
  }
}
