package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.DeploymentSummary;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateJson;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.protocol.StandardTool;

/** {@code listResources}: recorded resources of every deployment, filtered. */
public final class ListResourcesTool extends BaseTool {

  public ListResourcesTool(ToolContext ctx) {
    super(
        ctx,
        StandardTool.LIST_RESOURCES.toolName(),
        "List resources",
        "Resources recorded in state, across deployments, optionally filtered by deployment, type"
            + " (or type prefix such as opnsense:firewall) and provider instance.",
        """
        {
          "type": "object",
          "properties": {
            "filter": {
              "type": "object",
              "properties": {
                "deploymentId": {"type": "string"},
                "type": {"type": "string"},
                "provider": {"type": "string"}
              },
              "additionalProperties": false
            }
          }
        }
        """,
        """
        {
          "type": "object",
          "properties": {
            "count": {"type": "integer"},
            "resources": {"type": "array", "items": {"type": "object"}}
          },
          "required": ["count", "resources"]
        }
        """,
        Effect.READ_ONLY,
        true);
  }

  @Override
  public Reply call(ToolCall call) {
    JsonNode filter = call.arguments().path("filter");
    String deployment = text(filter, "deploymentId");
    String type = text(filter, "type");
    String provider = text(filter, "provider");
    ObjectNode data = Json.object();
    ArrayNode out = Json.MAPPER.createArrayNode();
    StringBuilder text = new StringBuilder();
    for (DeploymentSummary d : ctx.engine().store().deployments()) {
      if (deployment != null && !deployment.equals(d.name())) {
        continue;
      }
      for (ResourceRecord r : ctx.engine().state(d.name()).resources().values()) {
        if (type != null && !(r.type().equals(type) || r.type().startsWith(type + ":"))) {
          continue;
        }
        if (provider != null && !provider.equals(r.provider())) {
          continue;
        }
        ObjectNode node = StateJson.of(r);
        node.put("deployment", d.name());
        out.add(node);
        text.append(d.name())
            .append('/')
            .append(r.name())
            .append("  ")
            .append(r.type())
            .append("  id=")
            .append(r.id())
            .append('\n');
      }
    }
    data.put("count", out.size());
    data.set("resources", out);
    return new Reply(data, out.size() + " resource(s)\n" + text);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }
}
