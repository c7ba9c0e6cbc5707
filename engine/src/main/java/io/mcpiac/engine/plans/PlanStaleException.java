package io.mcpiac.engine.plans;

import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.errors.KindedError;

/** A saved plan no longer matches state or the live systems; the message says what changed. */
public class PlanStaleException extends RuntimeException implements KindedError {
  private static final long serialVersionUID = 1L;

  public PlanStaleException(String message) {
    super(message);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.STALE_PLAN;
  }
}
