package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.StateStore;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac state unlock NAME --force}: removes a stuck lock, naming whom it took it from. */
@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    description = {
      "Remove a deployment's lock that its holder did not release.",
      "Only for a stuck lock: a writer that is still running would go on without it.",
      "Without --force, shows the holder and changes nothing (exit code 2)."
    })
public final class StateUnlockCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME", description = "The deployment.")
  String name;

  @Option(names = "--force", description = "Remove the lock, whoever holds it.")
  boolean force;

  @Mixin StateOptions state;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try (StateStore store = state.open()) {
      if (force) {
        // a lock is forced after a crash: the file may be what crashed; say so before touching it
        store.verify();
      }
      Optional<LockInfo> holder = store.lockHolder(name);
      if (holder.isEmpty()) {
        out.println("Deployment '" + name + "' is not locked in " + store.location() + ".");
        return ExitCodes.OK;
      }
      if (!force) {
        err.println("error: deployment '" + name + "' is locked by " + holder.get().describe());
        err.println(
            "If that process is gone or stuck, remove the lock with: mcp-iac state unlock "
                + name
                + " --force");
        return ExitCodes.INVALID_INPUT;
      }
      err.println(
          "warning: removing the lock of deployment '"
              + name
              + "' held by "
              + holder.get().describe()
              + "; if that process is still running, its writes now race with others'.");
      store.forceUnlock(name);
      out.println("Unlocked '" + name + "'.");
      return ExitCodes.OK;
    }
  }
}
