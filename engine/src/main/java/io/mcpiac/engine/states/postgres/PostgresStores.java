package io.mcpiac.engine.states.postgres;

import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStoreFactory;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.engine.states.StoreSettings;
import io.mcpiac.engine.states.jdbc.JdbcStateStore;

/** {@code postgresql://user@host:port/database}. */
public final class PostgresStores implements StateStoreFactory {
  @Override
  public boolean opens(String location) {
    return StateStores.isPostgresql(location);
  }

  @Override
  public StateStore open(String location, StoreSettings settings) {
    return JdbcStateStore.open(
        new PostgresDialect(PostgresLocation.parse(location, System.getenv())), settings);
  }
}
