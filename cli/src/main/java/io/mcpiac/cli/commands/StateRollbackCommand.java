package io.mcpiac.cli.commands;

import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.StateRollback;
import io.mcpiac.engine.states.StateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac state rollback NAME --to-version N}. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Make an earlier version of a deployment's state current again (as a new version).",
      "For a refresh or import accepted by mistake. Changes no real system; run plan afterwards."
    })
public final class StateRollbackCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME", description = "The deployment whose state goes back.")
  String name;

  @Option(
      names = "--to-version",
      required = true,
      paramLabel = "N",
      description = "The version to make current (see state show NAME --version N).")
  long toVersion;

  @Mixin StateOptions state;
  @Mixin OutputOptions output;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (StateStore store = state.open()) {
      StateRollback.Result r = StateRollback.rollback(store, name, toVersion);
      return StateEditReport.print(
          out,
          output.json(),
          Json.MAPPER.valueToTree(r),
          "State of '"
              + name
              + "' is version "
              + r.to()
              + " again, recorded as version "
              + r.newVersion()
              + " (was "
              + r.from()
              + ")"
              + (r.changed().isEmpty() ? "" : "; changed: " + String.join(", ", r.changed()))
              + ". Run plan to see what apply would do now.");
    }
  }
}
