package io.mcpiac.cli.commands;

import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.states.DeploymentState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code state mv NAME FROM TO}: Terraform's {@code state mv}. */
@Command(
    name = "mv",
    mixinStandardHelpOptions = true,
    description = {
      "Rename a resource in state: its object stays, now under the new name, so renaming it in"
          + " the file is not a destroy and a create.",
      "The same from the file itself: spec.moved: [{from: OLD, to: NEW}] (applied by apply)."
    })
public final class StateMvCommand extends StateEditCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The deployment.")
  String name;

  @Parameters(index = "1", paramLabel = "FROM", description = "The recorded resource name.")
  String from;

  @Parameters(index = "2", paramLabel = "TO", description = "Its new name.")
  String to;

  @Override
  String deployment() {
    return name;
  }

  @Override
  DeploymentState edit(Engine engine) {
    try {
      return engine.move(name, from, to);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  @Override
  String said(DeploymentState after) {
    return "Moved "
        + from
        + " to "
        + to
        + "; '"
        + name
        + "' is now at state version "
        + after.version()
        + ".";
  }
}
