package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.engine.errors.NotFoundException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.StateStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code checkpoint delete ID…}. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete checkpoints. State and the real systems are untouched.")
public final class CheckpointDeleteCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "ID", description = "Checkpoint ids (cp-…).")
  List<String> ids;

  @Mixin StateOptions state;
  @Mixin OutputOptions output;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (StateStore store = state.openExisting()) {
      for (String id : ids) {
        if (store.checkpoint(id).isEmpty()) {
          throw new NotFoundException("checkpoint '" + id + "' not found");
        }
      }
      ids.forEach(store::deleteCheckpoint);
    }
    if (output.json()) {
      out.println(Json.pretty(Json.object().set("deleted", Json.MAPPER.valueToTree(ids))));
    } else {
      ids.forEach(id -> out.println("Deleted checkpoint " + id + "."));
    }
    return ExitCodes.OK;
  }
}
