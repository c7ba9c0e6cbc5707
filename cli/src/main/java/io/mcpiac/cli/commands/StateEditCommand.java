package io.mcpiac.cli.commands;

import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.states.DeploymentState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * A command that edits a deployment's recorded state through the engine (state rm, state mv): the
 * options, the lock and the report are the same; each says only its edit and its sentence.
 */
abstract class StateEditCommand implements Callable<Integer> {
  @Mixin StateOptions state;
  @Mixin OutputOptions output;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The deployment whose state is edited. */
  abstract String deployment();

  /** The edit; the engine takes the deployment's lock. */
  abstract DeploymentState edit(Engine engine);

  /** What was done, for a person. */
  abstract String said(DeploymentState after);

  @Override
  public final Integer call() {
    return StateEditReport.edit(
        state, output.json(), spec.commandLine().getOut(), deployment(), this::edit, this::said);
  }
}
