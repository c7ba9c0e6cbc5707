package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.LockInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code locks} table: who holds each deployment's lock. Every change is conditional (insert if
 * absent, update or delete by token), so two writers racing cannot both win, whatever the
 * database's isolation level.
 */
public final class LockTable {
  private static final String FIND =
      "SELECT token, owner, host, pid, started_at, operation, heartbeat_at"
          + " FROM locks WHERE deployment = ?";
  private static final String INSERT_IF_ABSENT =
      "INSERT INTO locks (deployment, token, owner, host, pid, started_at, operation, heartbeat_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (deployment) DO NOTHING";
  private static final String CLAIM =
      "INSERT INTO locks (deployment, token, owner, host, pid, started_at, operation, heartbeat_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (deployment) DO UPDATE"
          + " SET token = excluded.token, owner = excluded.owner, host = excluded.host,"
          + " pid = excluded.pid, started_at = excluded.started_at,"
          + " operation = excluded.operation, heartbeat_at = excluded.heartbeat_at";
  private static final String TAKE_OVER =
      "UPDATE locks SET token = ?, owner = ?, host = ?, pid = ?, started_at = ?, operation = ?,"
          + " heartbeat_at = ? WHERE deployment = ? AND token = ?";
  private static final String HEARTBEAT =
      "UPDATE locks SET heartbeat_at = ? WHERE deployment = ? AND token = ?";
  private static final String DELETE = "DELETE FROM locks WHERE deployment = ? AND token = ?";
  private static final String DELETE_ANY = "DELETE FROM locks WHERE deployment = ?";

  /** One lock row: the holding's token, who holds it, and its last sign of life. */
  public record Row(String token, LockInfo holder, Instant heartbeatAt) {}

  private final Database database;

  LockTable(Database database) {
    this.database = database;
  }

  public Optional<Row> find(String deployment) throws SQLException {
    PreparedStatement find = database.statement(FIND);
    find.setString(1, deployment);
    try (ResultSet row = find.executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      LockInfo holder =
          new LockInfo(
              row.getString("owner"),
              row.getString("host"),
              row.getLong("pid"),
              Millis.instant(row, "started_at"),
              row.getString("operation"));
      return Optional.of(
          new Row(row.getString("token"), holder, Millis.instant(row, "heartbeat_at")));
    }
  }

  public boolean insertIfAbsent(String deployment, String token, LockInfo who, Instant now)
      throws SQLException {
    PreparedStatement insert = database.statement(INSERT_IF_ABSENT);
    insert.setString(1, deployment);
    insert.setString(2, token);
    setHolder(insert, 3, who, now);
    return insert.executeUpdate() > 0;
  }

  /** Writes the row whatever it held before: for a claim already won elsewhere. */
  public void claim(String deployment, String token, LockInfo who, Instant now)
      throws SQLException {
    PreparedStatement upsert = database.statement(CLAIM);
    upsert.setString(1, deployment);
    upsert.setString(2, token);
    setHolder(upsert, 3, who, now);
    upsert.executeUpdate();
  }

  /** Replaces the holding {@code oldToken}; false when it changed meanwhile. */
  public boolean takeOver(
      String deployment, String oldToken, String token, LockInfo who, Instant now)
      throws SQLException {
    PreparedStatement update = database.statement(TAKE_OVER);
    update.setString(1, token);
    setHolder(update, 2, who, now);
    update.setString(8, deployment);
    update.setString(9, oldToken);
    return update.executeUpdate() > 0;
  }

  /** Refreshes the heartbeat; false when this holding is gone (taken over or forced). */
  public boolean heartbeat(String deployment, String token, Instant now) throws SQLException {
    PreparedStatement update = database.statement(HEARTBEAT);
    Millis.set(update, 1, now);
    update.setString(2, deployment);
    update.setString(3, token);
    return update.executeUpdate() > 0;
  }

  public void delete(String deployment, String token) throws SQLException {
    PreparedStatement delete = database.statement(DELETE);
    delete.setString(1, deployment);
    delete.setString(2, token);
    delete.executeUpdate();
  }

  public void deleteAny(String deployment) throws SQLException {
    PreparedStatement delete = database.statement(DELETE_ANY);
    delete.setString(1, deployment);
    delete.executeUpdate();
  }

  /** owner, host, pid, started_at, operation, heartbeat_at from {@code first}. */
  private static void setHolder(PreparedStatement statement, int first, LockInfo who, Instant now)
      throws SQLException {
    statement.setString(first, who.owner());
    statement.setString(first + 1, who.host());
    statement.setLong(first + 2, who.pid());
    Millis.set(statement, first + 3, who.startedAt());
    statement.setString(first + 4, who.operation());
    Millis.set(statement, first + 5, now);
  }
}
