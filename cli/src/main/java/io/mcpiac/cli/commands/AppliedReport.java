package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.Workspace;
import io.mcpiac.cli.output.PlanProgress;
import io.mcpiac.cli.output.ResultPrinter;
import io.mcpiac.cli.output.ServerRollbacks;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.execution.ResultJson;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.states.StateJson;
import java.io.PrintWriter;
import java.util.function.Predicate;

/**
 * The one way an apply-like command (apply, destroy, checkpoint restore) ends: the result, what
 * each provider server's rollback undid when orchestrating, the deployment's outputs where asked,
 * and the exit code.
 */
final class AppliedReport {
  private AppliedReport() {}

  /** An apply-like engine call: plans, asks {@code approve}, applies with progress. */
  interface Run {
    Engine.Applied start(Predicate<Plan> approve, ProgressListener progress, Cancellation cancel);
  }

  /**
   * Runs {@code run} with the plan and progress on screen, {@code approval} asked once the plan is
   * shown, Ctrl-C rolling back, and reports it as {@link #print} does.
   */
  static int run(
      Workspace ws,
      OutputOptions output,
      PrintWriter out,
      Predicate<Plan> approval,
      Run run,
      String nothingToDo) {
    PlanProgress progress = new PlanProgress(out, output.json(), output.colour());
    Engine.Applied applied =
        run.start(progress.remembering(approval), progress, ApplyCommand.cancelOnInterrupt());
    return print(applied, ws, out, output.json(), nothingToDo);
  }

  /**
   * @param nothingToDo what to say when the plan had no changes
   */
  static int print(
      Engine.Applied applied, Workspace ws, PrintWriter out, boolean json, String nothingToDo) {
    if (!applied.applied()) {
      if (!applied.plan().hasChanges()) {
        out.println(nothingToDo);
      }
      return ExitCodes.OK;
    }
    return result(applied.plan().deploymentName(), applied.result(), ws, out, json, false);
  }

  /**
   * @param withOutputs also the deployment's outputs (apply's answer, as Terraform's)
   */
  static int result(
      String deployment,
      ExecutionResult result,
      Workspace ws,
      PrintWriter out,
      boolean json,
      boolean withOutputs) {
    var servers = ServerRollbacks.of(ws.remoteParts());
    if (json) {
      var node = ResultJson.of(result);
      if (withOutputs) {
        node.set("outputs", StateJson.outputs(ws.engine().state(deployment)));
      }
      if (!ws.remoteParts().isEmpty()) {
        node.set("serverRollbacks", ServerRollbacks.json(servers));
      }
      out.println(Json.write(node));
    } else {
      ResultPrinter.print(result, out);
      ServerRollbacks.print(servers, out);
      if (withOutputs && result.success()) {
        OutputCommand.print(StateJson.outputs(ws.engine().state(deployment)), out);
      }
    }
    return result.success() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
