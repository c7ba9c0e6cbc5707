package io.mcpiac.cli.commands;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.states.DeploymentState;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code state rm NAME ADDR…}: Terraform's {@code state rm}. */
@Command(
    name = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Forget resources: remove them from state and leave their objects on the systems.",
      "The next plan proposes to create them again unless they are also removed from the file"
          + " (or adopted with import). Earlier state versions keep them."
    })
public final class StateRmCommand extends StateEditCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The deployment.")
  String name;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "ADDR",
      description = "Resource names to forget.")
  List<String> addresses;

  @Override
  String deployment() {
    return name;
  }

  @Override
  DeploymentState edit(Engine engine) {
    return engine.forget(name, addresses);
  }

  @Override
  String said(DeploymentState after) {
    StringBuilder text = new StringBuilder();
    for (String a : addresses) {
      text.append("Removed ").append(a).append(" from state (its object was left in place).\n");
    }
    return text + "'" + name + "' is now at state version " + after.version() + ".";
  }
}
