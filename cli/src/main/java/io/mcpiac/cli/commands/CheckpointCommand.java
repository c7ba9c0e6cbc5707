package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.Workspace;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.StateJson;
import io.mcpiac.engine.states.StateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac checkpoint create|list|restore}. */
@Command(
    name = "checkpoint",
    mixinStandardHelpOptions = true,
    description = "Record a deployment's state, and converge the real systems back to it.",
    subcommands = {
      CheckpointCommand.Create.class,
      CheckpointCommand.List.class,
      CheckpointCommand.Restore.class,
      CheckpointDeleteCommand.class,
      CheckpointDiffCommand.class
    })
public final class CheckpointCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code checkpoint create NAME -m TEXT}. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a checkpoint.")
  public static final class Create implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The deployment.")
    String name;

    @Option(
        names = {"-m", "--message"},
        required = true,
        paramLabel = "TEXT",
        description = "What this checkpoint is, e.g. \"before the port change\".")
    String message;

    @Mixin StateOptions state;
    @Mixin OutputOptions output;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      try (Workspace ws = Workspace.forState(state, name)) {
        Checkpoint cp = ws.engine().checkpoints().create(name, message);
        return StateEditReport.print(
            out,
            output.json(),
            StateJson.of(cp),
            "Checkpoint created: "
                + cp.id()
                + "\n"
                + cp.description()
                + " ("
                + name
                + " at version "
                + cp.version()
                + ", "
                + cp.resources().size()
                + " resources)");
      }
    }
  }

  /** {@code checkpoint list NAME}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List checkpoints.")
  public static final class List implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The deployment.")
    String name;

    @Mixin StateOptions state;
    @Mixin OutputOptions output;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      try (StateStore store = state.openExisting()) {
        java.util.List<Checkpoint> all = store.checkpoints(name);
        if (output.json()) {
          var array = Json.MAPPER.createArrayNode();
          all.forEach(cp -> array.add(StateJson.of(cp)));
          out.println(Json.pretty(array));
        } else if (all.isEmpty()) {
          out.println("No checkpoints for '" + name + "'.");
        } else {
          for (Checkpoint cp : all) {
            out.println(
                String.format(
                    "%-14s %s  version %-4d %3d resources  %s",
                    cp.id(),
                    cp.timestamp(),
                    cp.version(),
                    cp.resources().size(),
                    cp.description()));
          }
        }
        return ExitCodes.OK;
      }
    }
  }

  /** {@code checkpoint restore ID}. */
  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = "Plan the difference to a checkpoint, show it, and apply it.")
  public static final class Restore implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The checkpoint id (cp-…).")
    String id;

    @Mixin DeploymentTarget target;
    @Mixin ApplyOptions apply;
    @Mixin StateOptions state;
    @Mixin OutputOptions output;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      Checkpoint checkpoint;
      try (StateStore store = state.open()) {
        checkpoint =
            store
                .checkpoint(id)
                .orElseThrow(
                    () ->
                        new io.mcpiac.engine.errors.NotFoundException(
                            "checkpoint '" + id + "' not found"));
      }
      String deployment = checkpoint.deployment();
      var err = spec.commandLine().getErr();
      try (Workspace ws = target.open(state, checkpoint, note -> err.println("Note: " + note))) {
        err.flush();
        return AppliedReport.run(
            ws,
            output,
            out,
            Approval.of(apply.yes, output.json(), output.colour(), out),
            (approve, progress, cancel) ->
                ws.engine().checkpoints().restore(id, apply.toOptions(), approve, progress, cancel),
            "Nothing to restore: '" + deployment + "' already matches " + id + ".");
      }
    }
  }
}
