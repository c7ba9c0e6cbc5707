package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.StateDamagedException;
import io.mcpiac.engine.states.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection shared by the store's threads, one transaction at a time. SQLite has one writer
 * anyway, and a single connection keeps its prepared statements, which is most of the speed of a
 * small transaction.
 */
public final class Database implements AutoCloseable {
  private Connection connection;
  private final SqlDialect dialect;
  private final ReentrantLock guard = new ReentrantLock();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private boolean inTransaction;
  private boolean closed;

  Database(SqlDialect dialect) {
    this.dialect = dialect;
    try {
      this.connection = connect();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private Connection connect() throws SQLException {
    Connection opened = dialect.dataSource().getConnection();
    opened.setAutoCommit(true);
    return opened;
  }

  /**
   * Replaces a connection the driver has given up on (a restarted PostgreSQL server): the call that
   * met the failure failed, the next ones work again.
   */
  private void reconnectIfLost() throws SQLException {
    if (!connection.isClosed()) {
      return;
    }
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        // Its connection is gone; nothing to release.
      }
    }
    statements.clear();
    connection = connect();
  }

  /** Runs {@code work} in a transaction that may write; joins the caller's if there is one. */
  public <T> T write(SqlWork<T> work) {
    return transaction(dialect.beginWrite(), work);
  }

  /** Runs {@code work} in a transaction that only reads. */
  public <T> T read(SqlWork<T> work) {
    return transaction(Optional.of(dialect.beginRead()), work);
  }

  /**
   * The prepared statement for {@code sql}, prepared once per store. Only valid inside {@link
   * #write} or {@link #read}, whose lock keeps other threads away from it.
   */
  public PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** A connection of its own, outside this one's transactions (PostgreSQL's lock sessions). */
  public Connection openConnection() throws SQLException {
    return dialect.dataSource().getConnection();
  }

  /** {@code begin}: the statement that starts it, or empty for the driver's transactions. */
  private <T> T transaction(Optional<String> begin, SqlWork<T> work) {
    guard.lock();
    try {
      if (closed) {
        throw new IllegalStateException("state store " + dialect.location() + " is closed");
      }
      if (inTransaction) {
        return work.run();
      }
      reconnectIfLost();
      if (begin.isPresent()) {
        statement(begin.get()).execute();
      } else {
        connection.setAutoCommit(false);
      }
      inTransaction = true;
      try {
        T result = work.run();
        commit(begin.isPresent());
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackAfter(begin.isPresent(), e);
        if (e instanceof SQLException) {
          // a statement that failed half-way (a full disk) is left "not executing" by the driver:
          // prepare every statement afresh
          forgetStatements();
        }
        throw e;
      } finally {
        inTransaction = false;
        if (begin.isEmpty()) {
          connection.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      guard.unlock();
    }
  }

  /** A damaged database as {@link StateDamagedException}, anything else as a plain failure. */
  StateStoreException failure(SQLException e) {
    return dialect
        .damage(e)
        .<StateStoreException>map(
            d -> new StateDamagedException(d, dialect.location(), e.getMessage(), e))
        .orElseGet(
            () ->
                new StateStoreException(
                    "state at " + dialect.location() + " failed: " + e.getMessage(), e));
  }

  private void commit(boolean explicit) throws SQLException {
    if (explicit) {
      statement("COMMIT").execute();
    } else {
      connection.commit();
    }
  }

  private void forgetStatements() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        // it failed already; nothing more to release
      }
    }
    statements.clear();
  }

  private void rollbackAfter(boolean explicit, Throwable failure) {
    try {
      if (explicit) {
        // a statement of its own: the prepared one may be what failed half-way (a full disk)
        try (java.sql.Statement rollback = connection.createStatement()) {
          rollback.execute("ROLLBACK");
        }
      } else {
        connection.rollback();
      }
    } catch (SQLException e) {
      // Some errors end the transaction themselves; the original failure is what matters. If the
      // transaction is still open, a new connection is the only clean start for the next one.
      failure.addSuppressed(e);
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        try {
          connection.close();
        } catch (SQLException closing) {
          failure.addSuppressed(closing);
        }
      }
    }
  }

  @Override
  public void close() {
    guard.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      throw new StateStoreException("cannot close state at " + dialect.location(), e);
    } finally {
      guard.unlock();
    }
  }
}
