package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.Workspace;
import io.mcpiac.cli.output.PlanProgress;
import io.mcpiac.cli.output.ResultPrinter;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.execution.ResultJson;
import io.mcpiac.engine.json.Json;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "The deployment file, for its provider connection settings.")
  Path file;

  @Mixin ApplyOptions apply;
  @Mixin StateOptions state;
  @Mixin io.mcpiac.cli.ServersOptions servers;
  @Mixin OutputOptions output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (Workspace ws =
        file != null
            ? Workspace.forDeployment(state, servers, DeploymentFiles.load(file))
            : Workspace.forState(state, servers, name)) {
      if (ws.store().load(name).isEmpty()) {
        throw new java.util.NoSuchElementException(
            "no deployment named '" + name + "' in " + ws.store().location());
      }
      PlanProgress progress = new PlanProgress(out, output.json(), output.colour());
      Engine.Applied applied =
          ws.engine()
              .destroy(
                  name,
                  apply.toOptions(),
                  progress.remembering(Approval.of(apply.yes, output.json(), output.colour(), out)),
                  progress,
                  ApplyCommand.cancelOnInterrupt());
      if (!applied.applied()) {
        if (!applied.plan().hasChanges()) {
          out.println("Nothing to destroy: deployment '" + name + "' has no resources.");
        }
        return ExitCodes.OK;
      }
      if (output.json()) {
        out.println(Json.write(ResultJson.of(applied.result())));
      } else {
        ResultPrinter.print(applied.result(), out);
      }
      return applied.result().success() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}
