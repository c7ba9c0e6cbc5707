package io.mcpiac.cli.commands;

import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.Workspace;
import io.mcpiac.cli.output.PlanProgress;
import io.mcpiac.engine.Engine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac destroy NAME}. */
@Command(
    name = "destroy",
    mixinStandardHelpOptions = true,
    description = "Delete everything a deployment created, dependents first.")
public final class DestroyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME", description = "The deployment's name (metadata.name).")
  String name;

  @Mixin DeploymentTarget target;

  @Mixin ApplyOptions apply;
  @Mixin StateOptions state;
  @Mixin io.mcpiac.cli.ServersOptions servers;
  @Mixin OutputOptions output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (Workspace ws = target.open(state, servers, name)) {
      PlanProgress progress = new PlanProgress(out, output.json(), output.colour());
      Engine.Applied applied =
          ws.engine()
              .destroy(
                  name,
                  apply.toOptions(),
                  progress.remembering(
                      Approval.forDestroy(apply.yes, output.json(), output.colour(), out)),
                  progress,
                  ApplyCommand.cancelOnInterrupt());
      return AppliedReport.print(
          applied,
          ws,
          out,
          output.json(),
          "Nothing to destroy: deployment '" + name + "' has no resources.");
    }
  }
}
