package io.mcpiac.cli.commands;

import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.cli.Workspace;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.ui.UiBackend;
import java.nio.file.Path;

/**
 * The web UI's state store and engines, made exactly as the commands make theirs: files read and
 * validated as {@code apply -f} does, with the deployment's policies (and {@code ui --policy},
 * {@code --policy-pack}) reviewing plans and applies; workspaces as for {@code checkpoint restore}.
 */
final class CliUiBackend implements UiBackend {
  private final StateOptions state;
  private final PolicyOptions policyOptions;

  CliUiBackend(StateOptions state, PolicyOptions policyOptions) {
    this.state = state;
    this.policyOptions = policyOptions;
  }

  @Override
  public StateStore openStore() {
    return state.open();
  }

  @Override
  public FileBench forFile(Path file) {
    LoadedDeployment loaded;
    try {
      loaded = DeploymentFiles.read(file);
    } catch (UsageException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Deployment written = DeploymentFiles.deployment(loaded);
    var policies = PolicyCheck.load(file, policyOptions);
    DeploymentFiles.requireValidBeforeCreating(state, loaded);
    Workspace ws = Workspace.forDeployment(state, written);
    try {
      DeploymentFiles.validate(loaded, ws.registry());
      Deployment deployment =
          PolicyCheck.withExceptions(written, policies, ws.engine().state(written.name()));
      Engine engine = PolicyCheck.engine(ws.engine(), policies);
      return FileBench.of(deployment, engine, ws::close);
    } catch (RuntimeException e) {
      ws.close();
      throw e;
    }
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
