package io.mcpiac.mysql.client;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The connections of one provider instance: opened on first use, kept for the next read or batch,
 * one per batch in flight (the engine runs batches in parallel, and a JDBC connection is used by
 * one thread at a time). A connection that broke is thrown away, never handed out again.
 */
public final class MysqlConnections implements AutoCloseable {
  private final MysqlSettings settings;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile ServerFlavour flavour;

  public MysqlConnections(MysqlSettings settings) {
    this.settings = settings;
  }

  public MysqlSettings settings() {
    return settings;
  }

  /** Work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} on a connection of its own; the server's errors become {@link
   * MysqlException}s saying what was being done.
   */
  public <T> T with(String doing, Work<T> work) {
    Connection c = borrow(doing);
    boolean broken = false;
    try {
      return work.run(c);
    } catch (SQLException e) {
      broken = MysqlException.lostConnection(e.getSQLState(), e);
      throw new MysqlException(doing, e);
    } catch (RuntimeException e) {
      broken = e instanceof MysqlException m && m.connectionLost();
      throw e;
    } finally {
      giveBack(c, broken);
    }
  }

  /** MariaDB or MySQL, and which version: statements differ between them. */
  public ServerFlavour flavour() {
    ServerFlavour f = flavour;
    if (f == null) {
      f = with("reading the server's version", ServerFlavour::of);
      flavour = f;
    }
    return f;
  }

  private Connection borrow(String doing) {
    // a kept connection may have been closed by the server meanwhile (wait_timeout, a restart):
    // a long-running MCP server must not fail a change on it
    for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      if (alive(c)) {
        return c;
      }
      closeQuietly(c);
    }
    Properties p = new Properties();
    p.setProperty("user", settings.user());
    if (settings.password() != null) {
      p.setProperty("password", settings.password());
    }
    try {
      Connection opened = new org.mariadb.jdbc.Driver().connect(settings.jdbcUrl(), p);
      if (opened == null) {
        throw new SQLException("the driver does not accept " + settings.jdbcUrl());
      }
      try (Statement s = opened.createStatement()) {
        // a DROP DATABASE behind an open transaction waits for its metadata lock: fail with the
        // server's message after this long instead of hanging for the server's default of a day
        s.execute("SET SESSION lock_wait_timeout = " + settings.lockWaitTimeoutSeconds());
      }
      return opened;
    } catch (SQLException e) {
      throw new MysqlException(doing + " (connecting to " + settings.endpoint() + ")", e);
    }
  }

  private static boolean alive(Connection c) {
    try {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  private void giveBack(Connection c, boolean broken) {
    if (broken) {
      closeQuietly(c);
    } else {
      idle.addFirst(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a broken connection: nothing more to learn
    }
  }

  @Override
  public void close() {
    for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      closeQuietly(c);
    }
  }
}
