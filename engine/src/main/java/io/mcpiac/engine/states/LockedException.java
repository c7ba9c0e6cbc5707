package io.mcpiac.engine.states;

/** Another writer holds the deployment's lock; the message names it. */
public class LockedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient LockInfo holder;

  public LockedException(String deployment, LockInfo holder) {
    super("deployment '" + deployment + "' is locked by " + holder.describe());
    this.holder = holder;
  }

  public LockInfo holder() {
    return holder;
  }
}
