package io.mcpiac.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for this module's tests, started on first use and stopped when the JVM
 * exits; every test asks for an empty database of its own. Child processes reach it like any
 * server: {@code postgresql://postgres@localhost:PORT/DATABASE} (it trusts local clients).
 */
final class PostgresServer {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PostgresServer() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        started.close();
                      } catch (IOException e) {
                        // The JVM is exiting; the server's directory is temporary anyway.
                      }
                    }));
        server = started;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /** The server's port on localhost. */
  static int port() {
    return server().getPort();
  }

  /** A new, empty database's location; the store migrates it when first opened. */
  static String freshLocation() {
    return location(freshDatabase(), "postgres");
  }

  static String freshDatabase() {
    String name = "cli_" + DATABASES.incrementAndGet();
    try (Connection admin = server().getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return name;
  }

  /** {@code userInfo}: {@code user} or {@code user:password} (the server ignores passwords). */
  static String location(String database, String userInfo) {
    return "postgresql://" + userInfo + "@localhost:" + server().getPort() + "/" + database;
  }
}
