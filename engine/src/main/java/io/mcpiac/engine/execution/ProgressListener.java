package io.mcpiac.engine.execution;

/** Receives progress events; called from the executor's threads, one event at a time. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = event -> {};

  void on(ProgressEvent event);
}
