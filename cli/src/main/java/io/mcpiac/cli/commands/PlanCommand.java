package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.Workspace;
import io.mcpiac.cli.output.RefreshRenderer;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanFile;
import io.mcpiac.engine.plans.PlanJson;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.refresh.RefreshPlan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcp-iac plan -f FILE}. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show what apply would change, against what really exists. Changes nothing.")
public final class PlanCommand implements Callable<Integer> {
  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE")
  Path file;

  @Option(names = "--out", paramLabel = "PLANFILE", description = "Save the plan for apply.")
  Path out;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 3 when the plan has changes, 0 when it has none.")
  boolean detailedExitCode;

  @Option(
      names = "--refresh-only",
      description =
          "Show only what a refresh would record in state (drift, objects gone); writes nothing.")
  boolean refreshOnly;

  @Option(
      names = "--force",
      description =
          "Plan even when most recorded objects of a provider instance are gone (it may point at"
              + " a different system).")
  boolean force;

  @Mixin StateOptions state;
  @Mixin io.mcpiac.cli.ServersOptions servers;
  @Mixin OutputOptions output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LoadedDeployment loaded = DeploymentFiles.read(file);
    Deployment deployment = DeploymentFiles.load(file);
    try (Workspace ws = Workspace.forDeployment(state, servers, deployment)) {
      DeploymentFiles.validate(loaded, ws.registry());
      var stdout = spec.commandLine().getOut();
      if (refreshOnly) {
        RefreshPlan refresh = ws.engine().planRefresh(deployment.name(), force);
        if (output.json()) {
          stdout.println(Json.pretty(RefreshRenderer.json(refresh, false, refresh.stateVersion())));
        } else {
          stdout.print(RefreshRenderer.text(refresh));
        }
        return detailedExitCode && refresh.hasChanges() ? ExitCodes.HAS_CHANGES : ExitCodes.OK;
      }
      Plan plan = ws.engine().plan(deployment, force);
      if (output.json()) {
        stdout.println(Json.pretty(PlanJson.of(plan)));
      } else {
        stdout.print(new PlanRenderer(output.colour()).render(plan));
      }
      if (out != null) {
        PlanFile.write(plan, ws.registry(), out);
        if (!output.json()) {
          stdout.println("Saved the plan to " + out + "; apply it with: mcp-iac apply " + out);
        }
      }
      return detailedExitCode && plan.hasChanges() ? ExitCodes.HAS_CHANGES : ExitCodes.OK;
    }
  }
}
