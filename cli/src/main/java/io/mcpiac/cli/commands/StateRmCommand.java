package io.mcpiac.cli.commands;

import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
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
    return StateEditReport.edit(
        state,
        output.json(),
        spec.commandLine().getOut(),
        name,
        engine -> engine.forget(name, addresses),
        after -> {
          StringBuilder text = new StringBuilder();
          for (String a : addresses) {
            text.append("Removed ")
                .append(a)
                .append(" from state (its object was left in place).\n");
          }
          return text + "'" + name + "' is now at state version " + after.version() + ".";
        });
  }
}
