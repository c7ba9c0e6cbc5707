package io.mcpiac.engine.states;

/**
 * Opens one kind of state store (SQLite, PostgreSQL). Found with {@link java.util.ServiceLoader},
 * so {@link StateStores} names no backend and the backends' packages depend on this one, never the
 * other way round.
 */
public interface StateStoreFactory {
  /** True when {@code location} is this backend's. */
  boolean opens(String location);

  StateStore open(String location, StoreSettings settings);
}
