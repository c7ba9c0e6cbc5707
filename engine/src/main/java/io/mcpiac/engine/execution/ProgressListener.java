package io.mcpiac.engine.execution;

/**
 * Receives progress events: one event at a time, in order, on a delivery thread of the run's own
 * (never while the scheduler holds its lock), so a slow listener delays only itself. The run
 * returns once its listener has had every event.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = event -> {};

  void on(ProgressEvent event);
}
