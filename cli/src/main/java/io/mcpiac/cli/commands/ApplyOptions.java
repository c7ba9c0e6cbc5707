package io.mcpiac.cli.commands;

import io.mcpiac.engine.execution.ExecutionOptions;
import picocli.CommandLine.Option;

/** The seed's execution options on the command line. */
public final class ApplyOptions {
  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "5",
      description = "Provider calls in flight at once (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--continue-on-error",
      description = "After a failure keep going on independent branches; dependents are skipped.")
  boolean continueOnError;

  @Option(names = "--no-rollback", description = "Leave completed changes in place on failure.")
  boolean noRollback;

  @Option(
      names = {"-y", "--yes"},
      description = "Apply without asking for confirmation.")
  boolean yes;

  @Option(
      names = "--force-lockout-risk",
      description =
          "Apply even though a firewall change could cut off access to the firewall's own API.")
  boolean forceLockoutRisk;

  @Option(
      names = "--force",
      description =
          "Go on even when a live read finds most recorded objects of a provider instance gone"
              + " (it may point at a different system).")
  boolean force;

  public ExecutionOptions toOptions() {
    ExecutionOptions options = new ExecutionOptions(parallelism, continueOnError, !noRollback);
    java.util.Set<String> accepted = new java.util.HashSet<>();
    if (forceLockoutRisk) {
      accepted.add("lockout");
    }
    if (force) {
      accepted.add(io.mcpiac.engine.plans.VanishGuard.RISK);
    }
    return accepted.isEmpty() ? options : options.acceptingRisks(accepted);
  }
}
