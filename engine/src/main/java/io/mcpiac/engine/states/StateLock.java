package io.mcpiac.engine.states;

/** A held write lock; closing releases it. */
public interface StateLock extends AutoCloseable {
  String deployment();

  LockInfo holder();

  @Override
  void close();
}
