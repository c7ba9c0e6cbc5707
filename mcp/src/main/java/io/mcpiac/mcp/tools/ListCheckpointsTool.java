package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.StateJson;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.protocol.StandardTool;
import java.util.List;

/** {@code listCheckpoints}: a deployment's checkpoints, oldest first. */
public final class ListCheckpointsTool extends BaseTool {

  public ListCheckpointsTool(ToolContext ctx) {
    super(
        ctx,
        StandardTool.LIST_CHECKPOINTS.toolName(),
        "List checkpoints",
        "The checkpoints (and snapshots) of a deployment, with their ids for restoreCheckpoint.",
        """
        {
          "type": "object",
          "properties": {"deploymentId": {"type": "string"}},
          "required": ["deploymentId"]
        }
        """,
        """
        {
          "type": "object",
          "properties": {
            "deploymentId": {"type": "string"},
            "checkpoints": {"type": "array", "items": {"type": "object"}}
          },
          "required": ["checkpoints"]
        }
        """,
        Effect.READ_ONLY,
        true);
  }

  @Override
  public Reply call(ToolCall call) {
    String name = call.requireString("deploymentId");
    List<Checkpoint> all = ctx.engine().checkpoints().list(name);
    ObjectNode data = Json.object();
    data.put("deploymentId", name);
    ArrayNode list = data.putArray("checkpoints");
    StringBuilder text = new StringBuilder(all.size() + " checkpoint(s) of '" + name + "'");
    for (Checkpoint cp : all) {
      list.add(StateJson.of(cp));
      text.append("\n  ")
          .append(cp.id())
          .append("  v")
          .append(cp.version())
          .append("  ")
          .append(cp.timestamp())
          .append("  ")
          .append(cp.description());
    }
    return new Reply(data, text.toString());
  }
}
