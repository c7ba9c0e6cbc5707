package io.mcpiac.cli.commands;

import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code state mv NAME FROM TO}: Terraform's {@code state mv}. */
@Command(
    name = "mv",
    mixinStandardHelpOptions = true,
    description = {
      "Rename a resource in state: its object stays, now under the new name, so renaming it in"
          + " the file is not a destroy and a create.",
      "The same from the file itself: spec.moved: [{from: OLD, to: NEW}] (applied by apply)."
    })
public final class StateMvCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "The deployment.")
  String name;

  @Parameters(index = "1", paramLabel = "FROM", description = "The recorded resource name.")
  String from;

  @Parameters(index = "2", paramLabel = "TO", description = "Its new name.")
  String to;

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
        engine -> {
          try {
            return engine.move(name, from, to);
          } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
          }
        },
        after ->
            "Moved "
                + from
                + " to "
                + to
                + "; '"
                + name
                + "' is now at state version "
                + after.version()
                + ".");
  }
}
