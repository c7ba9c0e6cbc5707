package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.DeploymentSummary;
import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.StateLock;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcp-iac state migrate --from LOCATION --to LOCATION [--force]}. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Copy every deployment's latest state and checkpoints from one state location to another,"
          + " e.g. from a SQLite file to a team's PostgreSQL database.",
      "Each deployment is copied under its lock at both ends. Nothing is written when one is"
          + " locked, has unfinished journal entries, or (without --force) already exists at the"
          + " target."
    })
public final class StateMigrateCommand implements Callable<Integer> {
  @Option(
      names = "--from",
      required = true,
      paramLabel = "LOCATION",
      description = "Where state is now: sqlite:PATH or postgresql://user@host:port/db.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "LOCATION",
      description = "Where it goes: postgresql://user@host:port/db or sqlite:PATH.")
  String to;

  @Option(
      names = "--force",
      description = "Replace deployments that already exist at the target (as a new version).")
  boolean force;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (StateStore source = StateStores.open(from);
        StateStore target = StateStores.open(to)) {
      if (source.location().equals(target.location())) {
        throw new UsageException("--from and --to are the same location: " + source.location());
      }
      List<String> names = source.deployments().stream().map(DeploymentSummary::name).toList();
      refuseWhatCannotMove(source, target, names);
      for (String name : names) {
        // One deployment at a time: a PostgreSQL lock is a connection, and a server allows only
        // so many.
        try (StateLock fromLock = source.lock(name, LockInfo.current("migrate"));
            StateLock toLock = target.lock(name, LockInfo.current("migrate"))) {
          DeploymentState state = source.load(name).orElse(DeploymentState.empty(name));
          List<Checkpoint> checkpoints = source.checkpoints(name);
          long version = target.importState(state, checkpoints);
          out.println(
              name
                  + ": version "
                  + state.version()
                  + " → version "
                  + version
                  + ", "
                  + state.resources().size()
                  + " resources, "
                  + checkpoints.size()
                  + " checkpoints");
          out.flush();
        }
      }
      out.println(
          "Migrated "
              + names.size()
              + " deployment"
              + (names.size() == 1 ? "" : "s")
              + " from "
              + source.location()
              + " to "
              + target.location()
              + ".");
      return ExitCodes.OK;
    }
  }

  /**
   * Before anything is written: a deployment being written at either end, with state another run
   * still has to recover, or (without --force) that would overwrite one at the target.
   */
  private void refuseWhatCannotMove(StateStore source, StateStore target, List<String> names) {
    List<String> interrupted = new ArrayList<>();
    List<String> existing = new ArrayList<>();
    for (String name : names) {
      // Taken and given back at once: fails naming a live writer, takes over a dead one's.
      try (StateLock fromLock = source.lock(name, LockInfo.current("migrate"));
          StateLock toLock = target.lock(name, LockInfo.current("migrate"))) {
        if (!source.unfinished(name).isEmpty()) {
          interrupted.add(name);
        }
      }
      if (target.version(name) > 0) {
        existing.add(name);
      }
    }
    if (!interrupted.isEmpty()) {
      throw new UsageException(
          "unfinished journal entries (an interrupted run) in "
              + String.join(", ", interrupted)
              + ": run plan or apply for them against "
              + source.location()
              + " first; nothing was migrated");
    }
    if (!existing.isEmpty() && !force) {
      throw new UsageException(
          "already at "
              + target.location()
              + ": "
              + String.join(", ", existing)
              + "; add --force to replace them (nothing was migrated)");
    }
  }
}
