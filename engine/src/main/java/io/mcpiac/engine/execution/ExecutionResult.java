package io.mcpiac.engine.execution;

import java.util.List;

/**
 * The result of an apply: every action's fate and, when it rolled back, exactly what was undone and
 * what could not be.
 *
 * @param version the state version this apply wrote
 */
public record ExecutionResult(
    boolean success,
    String deployment,
    String planId,
    long version,
    List<ActionResult> results,
    boolean rolledBack,
    List<UndoResult> rollback,
    boolean cancelled,
    String error,
    long durationMs) {

  public ExecutionResult {
    results = List.copyOf(results);
    rollback = List.copyOf(rollback);
  }

  public long count(ActionResult.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }
}
