package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateJson;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.envelope.ToolFailure;
import io.mcpiac.mcp.jobs.Job;
import io.mcpiac.mcp.protocol.StandardTool;
import io.mcpiac.mcp.protocol.ToolArguments;
import java.util.Optional;

/** {@code getDeploymentState}: the recorded state and, if any, the running or last job. */
public final class GetDeploymentStateTool extends BaseTool {

  public GetDeploymentStateTool(ToolContext ctx) {
    super(
        ctx,
        StandardTool.GET_DEPLOYMENT_STATE.toolName(),
        "Get a deployment's state",
        "The deployment's recorded resources (the seed's Resource objects, secrets masked), its"
            + " state version, its outputs (spec.outputs; sensitive ones masked), and the status, progress and latest events of its running or last"
            + " apply (status running, succeeded, failed, cancelled; idle if none).",
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
            "deployment": {"type": "string"},
            "status": {"type": "string"},
            "version": {"type": "integer"},
            "resources": {"type": "array", "items": {"type": "object"}},
            "outputs": {"type": "object"},
            "job": {"type": "object"}
          },
          "required": ["deployment", "status", "resources"]
        }
        """,
        Effect.READ_ONLY,
        true);
  }

  @Override
  public Reply call(ToolCall call) {
    String name = ToolArguments.GetState.from(call.arguments()).deploymentId();
    DeploymentState state = ctx.engine().state(name);
    Optional<Job> job = ctx.jobs().latest(name);
    if (state.version() == 0 && job.isEmpty()) {
      throw new ToolFailure(ErrorCode.NOT_FOUND, "no deployment '" + name + "' in state");
    }
    ObjectNode data = StateJson.of(state);
    String status = job.map(j -> j.status().label()).orElse("idle");
    data.put("status", status);
    job.ifPresent(j -> data.set("job", j.toJson()));
    StringBuilder text =
        new StringBuilder("Deployment '")
            .append(name)
            .append("' (")
            .append(status)
            .append("), state version ")
            .append(state.version())
            .append(", ")
            .append(state.resources().size())
            .append(" resources");
    job.ifPresent(
        j -> {
          ObjectNode jj = j.toJson();
          text.append("; ")
              .append(jj.path("operation").asText())
              .append(' ')
              .append(jj.path("completed").asInt())
              .append('/')
              .append(jj.path("total").asInt());
        });
    for (ResourceRecord r : state.resources().values()) {
      text.append("\n  ")
          .append(r.type())
          .append(' ')
          .append(r.name())
          .append(" [")
          .append(r.state().label())
          .append("] id=")
          .append(r.id());
    }
    data.path("outputs")
        .fields()
        .forEachRemaining(
            e ->
                text.append("\n  output ")
                    .append(e.getKey())
                    .append(" = ")
                    .append(Json.write(e.getValue())));
    return new Reply(data, text.toString());
  }
}
