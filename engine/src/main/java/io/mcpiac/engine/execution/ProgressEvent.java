package io.mcpiac.engine.execution;

import io.mcpiac.engine.plans.ActionType;
import java.time.Instant;

/**
 * The seed's ExecutionProgress events, plus rollback events.
 *
 * @param stage the wave of the action, or -1
 * @param status for action events: running, complete, failed, skipped; for rollback actions:
 *     complete or failed
 * @param completed actions finished so far (complete, failed or skipped)
 * @param total actions in the plan that change something
 * @param durationMs the action's or stage's or whole run's duration, once finished
 */
public record ProgressEvent(
    Kind kind,
    Instant at,
    int stage,
    String resource,
    String type,
    ActionType action,
    String status,
    int completed,
    int total,
    long durationMs,
    String message) {

  /** The seed's event names. */
  public enum Kind {
    START("start"),
    STAGE_START("stage:start"),
    ACTION_UPDATE("action:update"),
    STAGE_COMPLETE("stage:complete"),
    ROLLBACK_START("rollback:start"),
    ROLLBACK_ACTION("rollback:action"),
    ROLLBACK_COMPLETE("rollback:complete"),
    COMPLETE("complete");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Overall progress, 0..100. */
  public double percent() {
    return total == 0 ? 100.0 : 100.0 * completed / total;
  }
}
