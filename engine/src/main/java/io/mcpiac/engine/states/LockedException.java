package io.mcpiac.engine.states;

import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.errors.KindedError;

/** Another writer holds the deployment's lock; the message names it. */
public class LockedException extends RuntimeException implements KindedError {
  private static final long serialVersionUID = 1L;
  private final transient LockInfo holder;

  public LockedException(String deployment, LockInfo holder) {
    super("deployment '" + deployment + "' is locked by " + holder.describe());
    this.holder = holder;
  }

  public LockInfo holder() {
    return holder;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.LOCKED;
  }
}
