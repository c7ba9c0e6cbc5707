package io.mcpiac.engine.execution;

import io.mcpiac.engine.providers.Change;

/** One rollback step: undoing a completed action with a compensating change. */
public record UndoResult(String resource, String type, Change.Kind kind, String error) {
  public boolean success() {
    return error == null;
  }
}
