package io.mcpiac.engine.execution;

import io.mcpiac.engine.errors.InvalidInputException;

/**
 * The seed's execution options.
 *
 * @param parallelism how many actions may run at once, over all providers (seed default 5)
 * @param continueOnError keep going on independent branches after a failure; dependents of a failed
 *     action are skipped
 * @param rollbackOnFailure undo every completed action when anything failed (seed default true)
 * @param acceptedRisks codes of provider risks the user accepted ({@code lockout})
 */
public record ExecutionOptions(
    int parallelism,
    boolean continueOnError,
    boolean rollbackOnFailure,
    java.util.Set<String> acceptedRisks) {

  public static final ExecutionOptions DEFAULTS = new ExecutionOptions(5, false, true);

  public ExecutionOptions {
    if (parallelism < 1) {
      throw new InvalidInputException("parallelism must be at least 1, got " + parallelism);
    }
    acceptedRisks = java.util.Set.copyOf(acceptedRisks);
  }

  public ExecutionOptions(int parallelism, boolean continueOnError, boolean rollbackOnFailure) {
    this(parallelism, continueOnError, rollbackOnFailure, java.util.Set.of());
  }

  public ExecutionOptions acceptingRisks(java.util.Set<String> codes) {
    return new ExecutionOptions(parallelism, continueOnError, rollbackOnFailure, codes);
  }
}
