package io.mcpiac.ui;

import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.errors.KindedError;

/** What the page says about an engine failure, and with which HTTP status. */
final class Errors {
  private Errors() {}

  static ApiError of(RuntimeException e) {
    if (e instanceof ApiError a) {
      return a;
    }
    int status = 500;
    if (e instanceof KindedError k) {
      status =
          switch (k.kind()) {
            case INVALID_INPUT, RISK_REFUSED -> 400;
            case NOT_FOUND -> 404;
            case LOCKED, STALE_PLAN, STATE_DAMAGED -> 409;
            case CANCELLED -> 409;
            case POLICY_VIOLATION -> 422;
            default -> 500;
          };
    } else if (e instanceof IllegalArgumentException) {
      status = 400;
    } else if (e instanceof IllegalStateException) {
      status = 409;
    }
    return new ApiError(status, message(e));
  }

  /** Each diagnostic on a line of its own (file:line: resource, property: message). */
  static String message(RuntimeException e) {
    if (e instanceof ConfigException c && !c.diagnostics().isEmpty()) {
      StringBuilder out = new StringBuilder();
      for (Diagnostic d : c.diagnostics()) {
        out.append(d.format()).append('\n');
      }
      return out.toString().strip();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
