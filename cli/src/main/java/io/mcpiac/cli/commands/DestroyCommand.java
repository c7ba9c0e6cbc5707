package io.mcpiac.cli.commands;

import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.Workspace;
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
      return AppliedReport.run(
          ws,
          output,
          out,
          Approval.forDestroy(apply.yes, output.json(), output.colour(), out),
          (approve, progress, cancel) ->
              ws.engine().destroy(name, apply.toOptions(), approve, progress, cancel),
          "Nothing to destroy: deployment '" + name + "' has no resources.");
    }
  }
}
