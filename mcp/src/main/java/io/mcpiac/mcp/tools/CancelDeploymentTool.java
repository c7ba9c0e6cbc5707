package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.envelope.ToolFailure;
import io.mcpiac.mcp.jobs.Job;
import io.mcpiac.mcp.protocol.StandardTool;

/**
 * {@code cancelDeployment}: stops a running apply, destroy or restore (MCP's SDK has no request
 * cancellation): nothing new starts, running changes finish, then completed changes are rolled back
 * per the apply's options.
 */
public final class CancelDeploymentTool extends BaseTool {
  /** How long the call waits for the job to end: well under the Java client's 20 s timeout. */
  static final long WAIT_MILLIS = 10_000;

  public CancelDeploymentTool(ToolContext ctx) {
    super(
        ctx,
        StandardTool.CANCEL_DEPLOYMENT.toolName(),
        "Cancel a running deployment",
        "Stop the running apply, destroy or restore of a deployment: nothing new starts, then the"
            + " completed changes are rolled back (per the apply's rollbackOnFailure). Waits up to"
            + " 10 s for it to end and answers its status.",
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
            "status": {"type": "string"},
            "job": {"type": "object"}
          },
          "required": ["deploymentId", "status"]
        }
        """,
        Effect.DESTRUCTIVE,
        true);
  }

  @Override
  public Reply call(ToolCall call) {
    String name = call.requireString("deploymentId");
    Job job =
        ctx.jobs()
            .latest(name)
            .filter(Job::running)
            .orElseThrow(
                () ->
                    new ToolFailure(
                        ErrorCode.NOT_FOUND, "nothing is running for deployment '" + name + "'"));
    job.cancellation().cancel();
    boolean ended = job.await(WAIT_MILLIS);
    ObjectNode data = Json.object();
    data.put("deploymentId", name);
    data.put("status", ended ? job.status().label() : "cancelling");
    data.set("job", job.toJson());
    return new Reply(
        data,
        ended
            ? "Cancelled '" + name + "': " + job.status().label() + "."
            : "Cancelling '" + name + "': running changes finish, then rollback runs.");
  }
}
