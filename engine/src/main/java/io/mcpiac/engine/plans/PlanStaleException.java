package io.mcpiac.engine.plans;

/** A saved plan no longer matches state or the live systems; the message says what changed. */
public class PlanStaleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlanStaleException(String message) {
    super(message);
  }
}
