package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.Workspace;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.StateJson;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code state rm NAME ADDR…}: Terraform's {@code state rm}. */
@Command(
    name = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Forget resources: remove them from state and leave their objects on the systems.",
      "The next plan proposes to create them again unless they are also removed from the file"
          + " (or adopted with import). Earlier state versions keep them."
    })
public final class StateRmCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "The deployment.")
  String name;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "ADDR",
      description = "Resource names to forget.")
  List<String> addresses;

  @Mixin StateOptions state;
  @Mixin OutputOptions output;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (Workspace ws = Workspace.forState(state, StateFiles.existing(state, name))) {
      DeploymentState after = ws.engine().forget(name, addresses);
      if (output.json()) {
        out.println(Json.pretty(StateJson.of(after)));
      } else {
        for (String a : addresses) {
          out.println("Removed " + a + " from state (its object was left in place).");
        }
        out.println("'" + name + "' is now at state version " + after.version() + ".");
      }
      return ExitCodes.OK;
    }
  }
}
