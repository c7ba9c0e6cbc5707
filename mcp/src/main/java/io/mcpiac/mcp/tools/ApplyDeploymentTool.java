package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Move;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.providers.ScopedEntryPoints;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.envelope.ToolFailure;
import io.mcpiac.mcp.jobs.Job;
import io.mcpiac.mcp.jobs.Jobs;
import io.mcpiac.mcp.jobs.McpProgress;
import io.mcpiac.mcp.protocol.ToolArguments;
import java.util.List;

/**
 * {@code applyDeployment} (and the apply entry points providers declare, such as OPNsense's {@code
 * applyNetworkDeployment}): applies a plan made by planDeployment, with progress notifications;
 * refused when stale, and without confirmation when it deletes or replaces. {@code wait: false}
 * returns at once and runs in the background.
 */
public final class ApplyDeploymentTool extends BaseTool {
  private final String typePrefix;

  /** {@code applyDeployment}: plans of every type. */
  public ApplyDeploymentTool(ToolContext ctx) {
    this(ctx, "applyDeployment", "Apply a planned deployment", "planDeployment", null);
  }

  /**
   * A provider's own apply entry point: plans of its types alone (see {@link ScopedEntryPoints}).
   */
  public static ApplyDeploymentTool scoped(ToolContext ctx, String provider, ScopedEntryPoints e) {
    return new ApplyDeploymentTool(ctx, e.applyName(), e.applyTitle(), e.planName(), provider);
  }

  private ApplyDeploymentTool(
      ToolContext ctx, String name, String title, String planTool, String typePrefix) {
    super(
        ctx,
        name,
        title,
        "Apply a plan made by "
            + planTool
            + ": changes run in dependency order and in parallel; on failure completed changes"
            + " are rolled back. A plan that deletes or replaces needs confirmation (asked through"
            + " elicitation, or \"confirm\": true). A stale plan (state or live systems changed"
            + " since) is refused with PLAN_STALE. With \"wait\": false it returns the"
            + " deploymentId at once; follow it with getDeploymentState, stop it with"
            + " cancelDeployment.",
        """
        {
          "type": "object",
          "properties": {
            "planId": {"type": "string", "description": "From planDeployment."},
            "options": %s,
            "wait": {"type": "boolean", "default": true,
                     "description": "false: return at once and apply in the background."},
            "confirm": {"type": "boolean", "default": false,
                        "description": "Confirms deletions and replacements in the plan."}
          },
          "required": ["planId"]
        }
        """
            .formatted(OptionsInput.SCHEMA),
        """
        {
          "type": "object",
          "description": "The execution result (success, results, rollback) or, with wait false, the running job.",
          "properties": {
            "deploymentId": {"type": "string"},
            "planId": {"type": "string"},
            "status": {"type": "string"},
            "success": {"type": "boolean"},
            "results": {"type": "array"},
            "rolledBack": {"type": "boolean"}
          }
        }
        """,
        Effect.DESTRUCTIVE,
        false);
    this.typePrefix = typePrefix;
  }

  @Override
  public Reply call(ToolCall call) {
    ToolArguments.Apply args = ToolArguments.Apply.from(call.arguments());
    Plan plan = ctx.plans().get(args.planId());
    if (typePrefix != null) {
      for (PlannedAction a : plan.actions()) {
        if (!a.type().startsWith(typePrefix + ":")) {
          throw new ToolFailure(
              ErrorCode.VALIDATION_FAILED,
              "the plan touches "
                  + a.type()
                  + " '"
                  + a.name()
                  + "'; apply it with applyDeployment");
        }
      }
    }
    ExecutionOptions options = args.options();
    List<Move> moves = ctx.plans().moves(plan.id());
    if (!plan.hasChanges()) {
      if (!moves.isEmpty()) {
        ctx.engine().apply(plan, moves, options, ProgressListener.NONE, new Cancellation());
      }
      ctx.plans().remove(plan.id());
      ObjectNode data = Json.object();
      data.put("deploymentId", plan.deploymentName());
      data.put("planId", plan.id());
      data.put("success", true);
      data.put("status", "no-changes");
      return new Reply(
          data,
          moves.isEmpty()
              ? "No changes: nothing to apply."
              : "No changes to apply; recorded " + moves.size() + " rename(s) in state.");
    }
    Confirmation.require(call, plan);
    Job job = ctx.jobs().begin(plan.deploymentName(), plan.id(), "apply");
    ctx.plans().remove(plan.id());
    if (!args.waitForEnd()) {
      ctx.jobs()
          .runInBackground(
              job,
              j ->
                  run(
                      plan,
                      moves,
                      options,
                      Jobs.recording(j, ProgressListener.NONE),
                      j.cancellation()));
      ObjectNode data = Json.object();
      data.put("deploymentId", plan.deploymentName());
      data.put("planId", plan.id());
      data.put("status", "running");
      return new Reply(
          data,
          "Applying '"
              + plan.deploymentName()
              + "' in the background: "
              + plan.summary()
              + " Follow it with getDeploymentState.");
    }
    McpProgress progress = new McpProgress(call.exchange(), call.progressToken());
    ExecutionResult result =
        ctx.jobs()
            .runHere(
                job, j -> run(plan, moves, options, Jobs.recording(j, progress), j.cancellation()));
    return Runs.reply(result);
  }

  /** The plan's renames (spec.moved) are recorded first, under the same lock as its actions. */
  private ExecutionResult run(
      Plan plan,
      List<Move> moves,
      ExecutionOptions options,
      ProgressListener listener,
      Cancellation cancel) {
    var engine = ctx.engineFor(plan.id());
    return moves.isEmpty()
        ? engine.apply(plan, options, listener, cancel)
        : engine.apply(plan, moves, options, listener, cancel).orElseThrow();
  }
}
