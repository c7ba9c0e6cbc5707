package io.mcpiac.cli.commands;

import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.Workspace;
import io.mcpiac.engine.errors.NotFoundException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * For commands that act on a deployment by name ({@code destroy}, {@code refresh}, {@code
 * checkpoint restore}): the optional deployment file that supplies provider connection settings.
 */
public final class DeploymentTarget {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "The deployment file, for its provider connection settings.")
  Path file;

  @picocli.CommandLine.Mixin VariableOptions variables;

  /** The workspace for {@code deployment}, which must have recorded state. */
  Workspace open(StateOptions state, String deployment) {
    return open(state, null, deployment);
  }

  /**
   * For {@code checkpoint restore}: without {@code -f}, the providers the checkpoint was made with
   * where the environment does not say where they are ({@link CheckpointSettings}); {@code notes}
   * gets one line per instance whose settings came from the checkpoint or differ from it.
   */
  Workspace open(
      StateOptions state,
      io.mcpiac.engine.states.Checkpoint checkpoint,
      java.util.function.Consumer<String> notes) {
    if (file != null) {
      return open(state, checkpoint.deployment());
    }
    Workspace ws =
        Workspace.forState(
            state, checkpoint.deployment(), CheckpointSettings.resolve(checkpoint, notes));
    if (ws.store().load(checkpoint.deployment()).isEmpty()) {
      String where = ws.store().location();
      ws.close();
      throw new NotFoundException(
          "no deployment named '" + checkpoint.deployment() + "' in " + where);
    }
    return ws;
  }

  /** As {@link #open(StateOptions, String)}; with {@code --servers}, orchestrating. */
  Workspace open(StateOptions state, io.mcpiac.cli.ServersOptions servers, String deployment) {
    Workspace ws =
        file != null
            ? Workspace.forDeployment(
                state,
                servers,
                DeploymentFiles.deployment(DeploymentFiles.read(file, variables.inputs())))
            : Workspace.forState(state, servers, deployment);
    if (ws.store().load(deployment).isEmpty()) {
      String where = ws.store().location();
      ws.close();
      throw new NotFoundException("no deployment named '" + deployment + "' in " + where);
    }
    return ws;
  }
}
