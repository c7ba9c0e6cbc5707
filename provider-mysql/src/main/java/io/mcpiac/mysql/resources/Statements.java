package io.mcpiac.mysql.resources;

import io.mcpiac.mysql.client.MysqlConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/** Runs DDL and account statements, retrying what the server asks to be retried. */
final class Statements {
  /** 1213: deadlock, 1205: lock wait timeout; the server rolled the statement back. */
  private static final Set<Integer> RETRY = Set.of(1213, 1205);

  private static final int ATTEMPTS = 4;

  private Statements() {}

  /** Runs {@code statements} one after the other on one connection of {@code db}. */
  static void run(MysqlConnections db, String doing, String... statements) {
    db.with(
        doing,
        c -> {
          for (String sql : statements) {
            run(c, sql);
          }
          return null;
        });
  }

  static void run(Connection c, String sql) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Statement s = c.createStatement()) {
        s.execute(sql);
        return;
      } catch (SQLException e) {
        if (!RETRY.contains(e.getErrorCode()) || attempt == ATTEMPTS) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /**
   * As {@link #run}, where the server answering one of {@code done} means there was nothing to do.
   */
  static void runIgnoring(Connection c, String sql, Set<Integer> done) throws SQLException {
    try {
      run(c, sql);
    } catch (SQLException e) {
      if (!done.contains(e.getErrorCode())) {
        throw e;
      }
    }
  }

  private static void pause(int attempt) throws SQLException {
    try {
      Thread.sleep(50L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting to retry", e);
    }
  }
}
