package io.mcpiac.engine.states.postgres;

import io.mcpiac.engine.states.StateStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started on first use and stopped when the JVM exits,
 * with a fresh database for every test that asks: a copy of one migrated template, which is much
 * faster than migrating each.
 */
public final class EmbeddedPostgresServer {
  private static final String TEMPLATE = "state_template";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  /** The running server. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
        server = started;
        createDatabase(TEMPLATE, "template0");
        StateStores.open(location(TEMPLATE)).close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot prepare embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /** A new, migrated, empty database's name. */
  public static String freshDatabase() {
    server();
    String name = "state_" + DATABASES.incrementAndGet();
    try {
      createDatabase(name, TEMPLATE);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return name;
  }

  /** {@code postgresql://postgres@localhost:PORT/DATABASE}: the server trusts local clients. */
  public static String location(String database) {
    return "postgresql://postgres@localhost:" + server().getPort() + "/" + database;
  }

  private static void createDatabase(String name, String template) throws SQLException {
    try (Connection admin = server().getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
    }
  }

  private static void closeQuietly(EmbeddedPostgres started) {
    try {
      started.close();
    } catch (IOException e) {
      // The JVM is exiting; the server's directory is temporary anyway.
    }
  }
}
