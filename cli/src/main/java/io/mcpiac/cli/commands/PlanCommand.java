package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.Workspace;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanFile;
import io.mcpiac.engine.plans.PlanJson;
import io.mcpiac.engine.plans.PlanRenderer;
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
      paramLabel = "FILE",
      description = "A deployment file, a directory (one deployment and its templates), or -.")
  Path file;

  @Option(names = "--out", paramLabel = "PLANFILE", description = "Save the plan for apply.")
  Path out;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 3 when the plan has changes, 0 when it has none.")
  boolean detailedExitCode;

  @Mixin VariableOptions variables;
  @Mixin StateOptions state;
  @Mixin io.mcpiac.cli.ServersOptions servers;
  @Mixin OutputOptions output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LoadedDeployment loaded = DeploymentFiles.read(file, variables.inputs());
    Deployment deployment = DeploymentFiles.deployment(loaded);
    try (Workspace ws = Workspace.forDeployment(state, servers, deployment)) {
      DeploymentFiles.validate(loaded, ws.registry());
      Plan plan = ws.engine().plan(deployment);
      var stdout = spec.commandLine().getOut();
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
