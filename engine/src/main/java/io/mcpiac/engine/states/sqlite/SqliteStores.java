package io.mcpiac.engine.states.sqlite;

import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStoreFactory;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.engine.states.StoreSettings;
import io.mcpiac.engine.states.jdbc.JdbcStateStore;

/** {@code sqlite:PATH} or a bare path: every location that is not PostgreSQL's. */
public final class SqliteStores implements StateStoreFactory {
  @Override
  public boolean opens(String location) {
    return StateStores.sqliteFile(location).isPresent();
  }

  @Override
  public StateStore open(String location, StoreSettings settings) {
    return JdbcStateStore.open(
        new SqliteDialect(StateStores.sqliteFile(location).orElseThrow()), settings);
  }
}
