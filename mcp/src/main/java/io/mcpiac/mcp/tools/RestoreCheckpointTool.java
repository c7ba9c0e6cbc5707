package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.jobs.Job;
import io.mcpiac.mcp.jobs.Jobs;
import io.mcpiac.mcp.jobs.McpProgress;

/**
 * {@code restoreCheckpoint} and the seed's {@code rollbackToSnapshot} (a snapshot is a checkpoint):
 * plans the way back to the checkpoint and applies it, with progress and confirmation.
 */
public final class RestoreCheckpointTool extends BaseTool {
  private final String idArgument;

  public RestoreCheckpointTool(ToolContext ctx, String name, String idArgument) {
    super(
        ctx,
        name,
        "snapshotId".equals(idArgument) ? "Roll back to a snapshot" : "Restore a checkpoint",
        "Converge the real systems back to a "
            + ("snapshotId".equals(idArgument) ? "snapshot (a checkpoint)" : "checkpoint")
            + ": plans the difference with what exists now and applies it, with progress."
            + " Deletions and replacements need confirmation (elicitation, or \"confirm\": true).",
        """
        {
          "type": "object",
          "properties": {
            "%s": {"type": "string"},
            "options": %s,
            "confirm": {"type": "boolean", "default": false}
          },
          "required": ["%s"]
        }
        """
            .formatted(idArgument, OptionsInput.SCHEMA, idArgument),
        """
        {"type": "object", "description": "The execution result of the restore."}
        """,
        Effect.DESTRUCTIVE,
        true);
    this.idArgument = idArgument;
  }

  @Override
  public Reply call(ToolCall call) {
    String id = call.requireString(idArgument);
    Checkpoint cp = ctx.engine().checkpoints().get(id);
    ExecutionOptions options = OptionsInput.of(call);
    Job job = ctx.jobs().begin(cp.deployment(), null, "restore " + id);
    McpProgress progress = new McpProgress(call.exchange(), call.progressToken());
    ExecutionResult result =
        ctx.jobs()
            .runHere(
                job,
                j -> {
                  Engine.Applied applied =
                      ctx.engine()
                          .checkpoints()
                          .restore(
                              id,
                              options,
                              plan -> Confirmation.require(call, plan),
                              Jobs.recording(j, progress),
                              j.cancellation());
                  return applied.result();
                });
    if (result == null) {
      ObjectNode data = Json.object();
      data.put("deploymentId", cp.deployment());
      data.put("checkpointId", id);
      data.put("success", true);
      data.put("status", "no-changes");
      return new Reply(data, "Nothing to restore: '" + cp.deployment() + "' matches " + id + ".");
    }
    return Runs.reply(result);
  }
}
