package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.json.Json;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.envelope.ToolFailure;
import io.mcpiac.mcp.jobs.Job;
import io.mcpiac.mcp.jobs.Jobs;
import io.mcpiac.mcp.jobs.McpProgress;
import io.mcpiac.mcp.protocol.Arguments;
import io.mcpiac.mcp.protocol.StandardTool;

/** {@code destroyDeployment}: deletes everything recorded for a deployment, once confirmed. */
public final class DestroyDeploymentTool extends BaseTool {

  public DestroyDeploymentTool(ToolContext ctx) {
    super(
        ctx,
        StandardTool.DESTROY_DEPLOYMENT.toolName(),
        "Destroy a deployment",
        "Delete every resource recorded for the deployment, dependents first. Needs confirmation"
            + " (asked through elicitation, or \"confirm\": true); streams progress.",
        """
        {
          "type": "object",
          "properties": {
            "deploymentId": {"type": "string"},
            "options": %s,
            "confirm": {"type": "boolean", "default": false,
                        "description": "Confirms the deletions."}
          },
          "required": ["deploymentId"]
        }
        """
            .formatted(OptionsInput.SCHEMA),
        """
        {"type": "object", "description": "The execution result of the deletions."}
        """,
        Effect.DESTRUCTIVE,
        true);
  }

  @Override
  public Reply call(ToolCall call) {
    String name = call.requireString(Arguments.DEPLOYMENT_ID);
    if (ctx.engine().state(name).resources().isEmpty()) {
      if (ctx.engine().store().version(name) == 0) {
        throw new ToolFailure(ErrorCode.NOT_FOUND, "no deployment '" + name + "' in state");
      }
      ObjectNode data = Json.object();
      data.put("deploymentId", name);
      data.put("success", true);
      data.put("status", "no-changes");
      return new Reply(data, "Nothing to destroy: '" + name + "' has no resources.");
    }
    ExecutionOptions options = OptionsInput.of(call);
    Job job = ctx.jobs().begin(name, null, "destroy");
    McpProgress progress = new McpProgress(call.exchange(), call.progressToken());
    ExecutionResult result =
        ctx.jobs()
            .runHere(
                job,
                j -> {
                  Engine.Applied applied =
                      ctx.engine()
                          .destroy(
                              name,
                              options,
                              plan -> Confirmation.require(call, plan),
                              Jobs.recording(j, progress),
                              j.cancellation());
                  return applied.result();
                });
    if (result == null) {
      ObjectNode data = Json.object();
      data.put("deploymentId", name);
      data.put("success", true);
      data.put("status", "no-changes");
      return new Reply(data, "Nothing to destroy.");
    }
    return Runs.reply(result);
  }
}
