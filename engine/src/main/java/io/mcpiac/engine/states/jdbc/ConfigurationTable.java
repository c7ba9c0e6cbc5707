package io.mcpiac.engine.states.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code configuration} column of {@code deployments}: the configuration of the deployment's
 * last successful apply (one JSON document, replaced by the next), which checkpoints copy. On the
 * deployment's own row, so keeping it takes no table or page of its own.
 */
final class ConfigurationTable {
  private static final String PUT = "UPDATE deployments SET configuration = ? WHERE name = ?";
  private static final String FIND = "SELECT configuration FROM deployments WHERE name = ?";

  private final Database database;

  ConfigurationTable(Database database) {
    this.database = database;
  }

  /** Nothing happens for a deployment that has no row yet (nothing was ever applied). */
  void put(String deployment, String configuration) throws SQLException {
    PreparedStatement put = database.statement(PUT);
    put.setString(1, configuration);
    put.setString(2, deployment);
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
