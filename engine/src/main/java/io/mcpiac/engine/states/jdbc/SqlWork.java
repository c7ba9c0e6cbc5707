package io.mcpiac.engine.states.jdbc;

import java.sql.SQLException;

/** Work done inside one transaction of a {@link Database}. */
@FunctionalInterface
public interface SqlWork<T> {
  T run() throws SQLException;
}
