package io.mcpiac.cli.commands;

import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.cli.Workspace;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.ui.UiBackend;
import java.nio.file.Path;
import java.util.List;

/**
 * The web UI's state store and engines, made exactly as the commands make theirs: files read and
 * validated as {@code plan -f} does, workspaces as for {@code apply} and {@code checkpoint
 * restore}.
 */
final class CliUiBackend implements UiBackend {
  private final StateOptions state;

  CliUiBackend(StateOptions state) {
    this.state = state;
  }

  @Override
  public StateStore openStore() {
    return state.open();
  }

  @Override
  public Deployment load(Path file) {
    LoadedDeployment loaded;
    try {
      loaded = DeploymentFiles.read(file);
    } catch (UsageException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<Diagnostic> problems = DeploymentFiles.problemsAlone(loaded);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return loaded.deployment();
  }

  @Override
  public Bench forDeployment(Deployment deployment) {
    return bench(Workspace.forDeployment(state, deployment));
  }

  @Override
  public Bench forState(String deployment) {
    return bench(Workspace.forState(state, deployment));
  }

  @Override
  public Bench forCheckpoint(Checkpoint checkpoint) {
    return bench(
        Workspace.forState(
            state,
            checkpoint.deployment(),
            CheckpointSettings.resolve(checkpoint, note -> System.err.println("Note: " + note))));
  }

  private static Bench bench(Workspace ws) {
    return new Bench() {
      @Override
      public Engine engine() {
        return ws.engine();
      }

      @Override
      public void close() {
        ws.close();
      }
    };
  }
}
