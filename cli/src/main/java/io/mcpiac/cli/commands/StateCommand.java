package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.engine.errors.NotFoundException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.DeploymentSummary;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateJson;
import io.mcpiac.engine.states.StateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac state list|show|unlock|export|import|migrate|rollback}. */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    description = "Inspect recorded state, move it between stores, and free stuck locks.",
    subcommands = {
      StateCommand.List.class,
      StateCommand.Show.class,
      StateUnlockCommand.class,
      StateRmCommand.class,
      StateMvCommand.class,
      StateExportCommand.class,
      StateImportCommand.class,
      StateMigrateCommand.class,
      StateRollbackCommand.class
    })
public final class StateCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code state list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List deployments.")
  public static final class List implements Callable<Integer> {
    @Mixin StateOptions state;
    @Mixin OutputOptions output;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      if (state.missingFile().isPresent() && !output.json()) {
        out.println("No deployments: there is no state at " + state.missingFile().get() + " yet.");
        return ExitCodes.OK;
      }
      try (StateStore store = state.readOnly().open()) {
        java.util.List<DeploymentSummary> all = store.deployments();
        if (output.json()) {
          out.println(Json.pretty(Json.MAPPER.valueToTree(all)));
        } else if (all.isEmpty()) {
          out.println("No deployments in " + store.location() + ".");
        } else {
          out.println(
              String.format("%-32s %8s %10s  %s", "DEPLOYMENT", "VERSION", "RESOURCES", "UPDATED"));
          for (DeploymentSummary d : all) {
            out.println(
                String.format(
                    "%-32s %8d %10d  %s", d.name(), d.version(), d.resources(), d.updatedAt()));
          }
        }
        return ExitCodes.OK;
      }
    }
  }

  /** {@code state show NAME [--version N]}. */
  @Command(
      name = "show",
      description = "Show a deployment's resources, now or at an earlier version.")
  public static final class Show implements Callable<Integer> {
    // not mixinStandardHelpOptions: its --version (print the tool's version) would clash with ours
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    boolean help;

    @Parameters(paramLabel = "NAME", description = "The deployment.")
    String name;

    @Option(names = "--version", paramLabel = "N", description = "An earlier state version.")
    Long version;

    @Mixin StateOptions state;
    @Mixin OutputOptions output;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      try (StateStore store = state.openExisting()) {
        DeploymentState s =
            (version == null ? store.load(name) : store.load(name, version))
                .orElseThrow(
                    () ->
                        new NotFoundException(
                            "no deployment named '"
                                + name
                                + "'"
                                + (version == null ? "" : " at version " + version)
                                + " in "
                                + store.location()));
        if (output.json()) {
          out.println(Json.pretty(StateJson.of(s)));
          return ExitCodes.OK;
        }
        out.println(
            "Deployment '"
                + s.name()
                + "', version "
                + s.version()
                + ", "
                + s.resources().size()
                + " resources"
                + (s.updatedAt() == null ? "" : ", updated " + s.updatedAt()));
        for (ResourceRecord r : s.resources().values()) {
          out.println();
          out.println(
              r.type() + " " + r.name() + "  (" + r.state().label() + ", id " + r.id() + ")");
          if (!r.provider().equals(io.mcpiac.engine.resources.ResourceType.prefixOf(r.type()))) {
            out.println("    provider: " + r.provider());
          }
          r.properties()
              .fields()
              .forEachRemaining(
                  e -> out.println("    " + e.getKey() + " = " + Values.display(e.getValue())));
          if (!r.outputs().isEmpty()) {
            r.outputs()
                .fields()
                .forEachRemaining(
                    e -> out.println("    ⇒ " + e.getKey() + " = " + Values.display(e.getValue())));
          }
          if (!r.dependencies().isEmpty()) {
            out.println("    depends on: " + String.join(", ", r.dependencies()));
          }
        }
        OutputCommand.print(StateJson.outputs(s), out);
        return ExitCodes.OK;
      }
    }
  }
}
