package io.mcpiac.engine.states.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code configurations} table: per deployment, the configuration of its last successful apply
 * (one JSON document, replaced by the next), which checkpoints copy.
 */
final class ConfigurationTable {
  private static final String PUT =
      "INSERT INTO configurations (deployment, version, updated_at, configuration)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT (deployment) DO UPDATE SET version = excluded.version,"
          + " updated_at = excluded.updated_at, configuration = excluded.configuration";
  private static final String FIND =
      "SELECT configuration FROM configurations WHERE deployment = ?";

  private final Database database;

  ConfigurationTable(Database database) {
    this.database = database;
  }

  void put(String deployment, long version, String configuration, Instant now) throws SQLException {
    PreparedStatement put = database.statement(PUT);
    put.setString(1, deployment);
    put.setLong(2, version);
    Millis.set(put, 3, Millis.truncate(now));
    put.setString(4, configuration);
    put.executeUpdate();
  }

  Optional<String> find(String deployment) throws SQLException {
    PreparedStatement find = database.statement(FIND);
    find.setString(1, deployment);
    try (ResultSet row = find.executeQuery()) {
      return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
    }
  }
}
