package io.mcpiac.engine.execution;

/** Lets another thread stop an apply: nothing new starts, then rollback runs per the options. */
public final class Cancellation {
  private volatile boolean cancelled;
  private volatile Runnable onCancel = () -> {};

  public void cancel() {
    cancelled = true;
    onCancel.run();
  }

  public boolean isCancelled() {
    return cancelled;
  }

  void onCancel(Runnable action) {
    this.onCancel = action;
    if (cancelled) {
      action.run();
    }
  }
}
