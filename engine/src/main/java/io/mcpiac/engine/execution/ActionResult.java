package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.plans.ActionType;

/** What became of one planned action. */
public record ActionResult(
    String resource,
    String type,
    ActionType action,
    Status status,
    String error,
    long durationMs,
    ObjectNode outputs) {

  /** complete: done; failed: the provider said no; skipped: a dependency failed; not started. */
  public enum Status {
    COMPLETE,
    FAILED,
    SKIPPED,
    NOT_STARTED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
