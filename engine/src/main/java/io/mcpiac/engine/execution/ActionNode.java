package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.resources.ResourceType;

/**
 * One resource's action during a run, and what the run learns of it. The worker running its batch
 * writes the outcome before the scheduler takes the batch back under its lock, which publishes it.
 */
final class ActionNode {
  final PlannedAction action;
  final ResourceConfig config;
  final Provider provider;
  final ResourceType type;
  ActionResult.Status status;
  String error;
  long startedNanos;
  long durationMs;

  /** Properties with references resolved against what is applied; null for a delete. */
  ObjectNode resolved;

  ObjectNode outputs;
  String id;

  ActionNode(PlannedAction action, ResourceConfig config, Provider provider, ResourceType type) {
    this.action = action;
    this.config = config;
    this.provider = provider;
    this.type = type;
  }

  String name() {
    return action.name();
  }

  /** Marks the action failed unless it already has an outcome. */
  void failUnlessDone(String why) {
    if (status == null) {
      fail(why);
    }
  }

  void fail(String why) {
    status = ActionResult.Status.FAILED;
    error = why;
  }

  ActionResult result() {
    return new ActionResult(
        action.name(),
        action.type(),
        action.action(),
        status == null ? ActionResult.Status.NOT_STARTED : status,
        error,
        durationMs,
        outputs == null ? Json.object() : outputs);
  }
}
