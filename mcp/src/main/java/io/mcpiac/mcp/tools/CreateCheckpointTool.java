package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.StateJson;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.protocol.ToolArguments;

/** {@code createCheckpoint} and the seed's {@code createSnapshot}: a copy of the state. */
public final class CreateCheckpointTool extends BaseTool {
  private final boolean snapshot;

  public CreateCheckpointTool(ToolContext ctx, String name, boolean snapshot) {
    super(
        ctx,
        name,
        snapshot ? "Snapshot a deployment" : "Checkpoint a deployment",
        "Record an immutable copy of the deployment's state to "
            + (snapshot ? "roll back to later with rollbackToSnapshot" : "restore later")
            + ". Changes nothing real.",
        """
        {
          "type": "object",
          "properties": {
            "deploymentId": {"type": "string"},
            "description": {"type": "string"}
          },
          "required": ["deploymentId"]
        }
        """,
        """
        {
          "type": "object",
          "properties": {
            "id": {"type": "string"},
            "snapshotId": {"type": "string"},
            "deployment": {"type": "string"},
            "version": {"type": "integer"},
            "timestamp": {"type": "string"},
            "resources": {"type": "integer"}
          },
          "required": ["id", "deployment"]
        }
        """,
        Effect.ADDITIVE,
        false);
    this.snapshot = snapshot;
  }

  @Override
  public Reply call(ToolCall call) {
    ToolArguments.CreateSnapshot args = ToolArguments.CreateSnapshot.from(call.arguments());
    String name = args.deploymentId();
    String description = args.description();
    Checkpoint cp =
        ctx.engine()
            .checkpoints()
            .create(
                name, description == null ? (snapshot ? "snapshot" : "checkpoint") : description);
    ObjectNode data = StateJson.of(cp);
    if (snapshot) {
      data.put("snapshotId", cp.id());
    }
    return new Reply(
        data,
        (snapshot ? "Snapshot " : "Checkpoint ")
            + cp.id()
            + " of '"
            + name
            + "' at state version "
            + cp.version()
            + " ("
            + cp.resources().size()
            + " resources).");
  }
}
