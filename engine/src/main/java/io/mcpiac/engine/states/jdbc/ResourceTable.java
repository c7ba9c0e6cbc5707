package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.ResourceRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The temporal {@code resources} table. A row holds a resource from version {@code valid_from}
 * until {@code valid_to} (exclusive, NULL while current). Each write touches one resource's rows
 * only.
 */
final class ResourceTable {
  private static final String COLUMNS =
      "name, type, provider, resource_id, properties, outputs, dependencies, state";

  /**
   * {@code valid_from + 0}: without it SQLite searches the primary key, through every version of
   * the resource, instead of {@code resources_current}'s one row; the sum cannot use an index.
   */
  private static final String CLOSE_OLDER =
      "UPDATE resources SET valid_to = ?"
          + " WHERE deployment = ? AND name = ? AND valid_to IS NULL AND valid_from + 0 < ?";

  private static final String UPSERT =
      "INSERT INTO resources (deployment, valid_from, valid_to, "
          + COLUMNS
          + ") VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (deployment, name, valid_from) DO UPDATE SET type = excluded.type,"
          + " provider = excluded.provider, resource_id = excluded.resource_id,"
          + " properties = excluded.properties, outputs = excluded.outputs,"
          + " dependencies = excluded.dependencies, state = excluded.state";
  private static final String DELETE_SAME_VERSION =
      "DELETE FROM resources"
          + " WHERE deployment = ? AND name = ? AND valid_to IS NULL AND valid_from = ?";
  private static final String CURRENT =
      "SELECT "
          + COLUMNS
          + " FROM resources WHERE deployment = ? AND valid_to IS NULL ORDER BY name";
  private static final String AT_VERSION =
      "SELECT "
          + COLUMNS
          + " FROM resources WHERE deployment = ? AND valid_from <= ?"
          + " AND (valid_to IS NULL OR valid_to > ?) ORDER BY name";

  private final Database database;

  ResourceTable(Database database) {
    this.database = database;
  }

  /**
   * Records {@code record} as of {@code version}, which must be the current version: closes the
   * current row if an older version opened it, then writes this version's row, in place if this
   * version already wrote one (that row can only be the current one: a removal in the same version
   * deletes it). A current row from a later version makes the write fail on {@code
   * resources_current}.
   */
  void put(String deployment, long version, ResourceRecord record) throws SQLException {
    close(deployment, version, record.name());
    PreparedStatement insert = database.statement(UPSERT);
    insert.setString(1, deployment);
    insert.setLong(2, version);
    insert.setString(3, record.name());
    setValues(insert, 4, record);
    insert.executeUpdate();
  }

  /**
   * Ends the resource at {@code version}. A row opened in this same version was never visible in a
   * finished version, so it is deleted rather than closed to an empty range.
   */
  void remove(String deployment, long version, String name) throws SQLException {
    PreparedStatement delete = database.statement(DELETE_SAME_VERSION);
    delete.setString(1, deployment);
    delete.setString(2, name);
    delete.setLong(3, version);
    delete.executeUpdate();
    close(deployment, version, name);
  }

  Map<String, ResourceRecord> current(String deployment) throws SQLException {
    PreparedStatement select = database.statement(CURRENT);
    select.setString(1, deployment);
    return records(select);
  }

  Map<String, ResourceRecord> at(String deployment, long version) throws SQLException {
    PreparedStatement select = database.statement(AT_VERSION);
    select.setString(1, deployment);
    select.setLong(2, version);
    select.setLong(3, version);
    return records(select);
  }

  private void close(String deployment, long version, String name) throws SQLException {
    PreparedStatement close = database.statement(CLOSE_OLDER);
    close.setLong(1, version);
    close.setString(2, deployment);
    close.setString(3, name);
    close.setLong(4, version);
    close.executeUpdate();
  }

  /** Sets type … state from {@code first}. */
  private static void setValues(PreparedStatement statement, int first, ResourceRecord record)
      throws SQLException {
    statement.setString(first, record.type());
    statement.setString(first + 1, record.provider());
    statement.setString(first + 2, record.id());
    statement.setString(first + 3, RecordJson.text(record.properties()));
    statement.setString(first + 4, RecordJson.text(record.outputs()));
    statement.setString(first + 5, RecordJson.names(record.dependencies()));
    statement.setString(first + 6, RecordJson.stateLabel(record.state()));
  }

  private static Map<String, ResourceRecord> records(PreparedStatement select) throws SQLException {
    Map<String, ResourceRecord> records = new LinkedHashMap<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        ResourceRecord record =
            new ResourceRecord(
                row.getString("name"),
                row.getString("type"),
                row.getString("provider"),
                row.getString("resource_id"),
                RecordJson.object(row.getString("properties")),
                RecordJson.object(row.getString("outputs")),
                RecordJson.names(row.getString("dependencies")),
                RecordJson.state(row.getString("state")));
        records.put(record.name(), record);
      }
    }
    return records;
  }
}
